import jiuye

with jiuye.County.default() as county:          # 新干县, built into the library
    town = county.township("金川")               # short for 金川镇
    print(county.name, town.code, town.name, len(town.villages), "villages")
person = jiuye.parse_id("11010519491231002X")
print("ID valid:", person.gender, person.birth, "phone:", jiuye.parse_phone("+86 138-0013-8000"))
try:
    jiuye.parse_id("110105194912310021")
except jiuye.InvalidError as e:                  # also a ValueError
    print("rejected:", e.reason, "at character", e.position, "-", e)
