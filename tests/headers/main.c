/* The header test's program: the test is that every unit compiled. */
int main(void);
int main(void) { return 0; }
