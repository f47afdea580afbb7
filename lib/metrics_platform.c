/*
 * Metrics of items 3-5: the online platform (3.1-3.5), publicity (4.1-4.4), online recruitment (5.1-5.4).
 */
#include "metrics_internal.h"

const jy__metric_def jy__metrics_platform[] = {
    JY__METRIC_RESERVED("good_reviews", "条", "好评条数", "Good reviews."),
    JY__METRIC_RESERVED("good_review_rate", "%", "好评率（含追评）", "Share of reviews good, counting follow-ups."),
    JY__METRIC_RESERVED("push_coverage", "%", "辖区简历推送覆盖率", "Share of county resumes that received matched postings."),
    JY__METRIC_RESERVED("postings", "条", "岗位发布条数", "Postings published."),
    JY__METRIC_RESERVED("online_job_fairs", "场", "网络招聘会场次", "Online job fairs."),
    JY__METRIC_RESERVED("new_platform_enterprises", "家", "新注册平台企业数", "Enterprises registered on the platform."),
    JY__METRIC_RESERVED("recruitment_pushes", "条", "招聘信息推送条数", "Recruitment pushes."),
    JY__METRIC_RESERVED("followers_gained", "人", "新增粉丝数", "Followers gained."),
    JY__METRIC_RESERVED("videos", "条", "招工宣传视频条数", "Recruitment videos."),
    JY__METRIC_RESERVED("video_views", "人次", "视频浏览量", "Views of recruitment videos."),
    JY__METRIC_RESERVED("activity_posts", "条", "活动推文或视频条数", "Activity posts."),
    JY__METRIC_RESERVED("live_shows", "场", "直播带岗场次", "Live job shows."),
    JY__METRIC_RESERVED("holidays_without_live_show", "个", "无直播的节假日", "Public holidays without a live show."),
    JY__METRIC_RESERVED("live_shows_short", "场", "时长或带岗不足的直播", "Live shows under 90 minutes or 30 jobs."),
    JY__METRIC_RESERVED("streamer_visits", "次", "主播探企次数", "Streamer visits."),
    JY__METRIC_END,
};
