# transparency: fa
# فارسی. DRAFTED BY AN AI ASSISTANT from the English (locales/en/transparency.ftl).
# Not reviewed: a fluent Farsi speaker must review it before the organization relies on it.
# گزارش عمومی شفافیت و صفحهٔ هیئت مدیره برای انتشار آن.

transparency-title = گزارش شفافیت
transparency-lead = هر سال یا هر سه ماه، گزارش می‌دهیم که با شکایت‌هایی که دریافت کرده‌ایم چه شد: چند شکایت بود، چقدر سریع پاسخ دادیم، چه تصمیمی گرفتیم و در نتیجهٔ آن چه چیزی را تغییر دادیم. از این آمار نمی‌توان هیچ کسی را شناسایی کرد.
transparency-period = دوره
transparency-suppression-note = برای محافظت از کسانی که شکایت کرده‌اند، هیچ عددی کمتر از 5 نشان داده نمی‌شود، و اگر از روی جمع کل بتوان آن را فهمید، یک عدد دیگر هم همراه آن پنهان می‌شود.
transparency-others = گزارش‌های قبلی
transparency-none = هنوز هیچ گزارشی منتشر نشده است.
transparency-figures-caption = شکایت‌های دریافت‌شده در این دوره
transparency-col-what = مورد
transparency-col-count = تعداد
transparency-suppressed = نشان داده نمی‌شود (عدد کوچک)
transparency-line-received = شکایت‌های دریافت‌شده
transparency-line-outcome-upheld = شکایت وارد بود
transparency-line-outcome-partly_upheld = شکایت تا حدی وارد بود
transparency-line-outcome-not_upheld = شکایت وارد نبود
transparency-line-outcome-resolved_early = در همان مرحلهٔ اول حل شد
transparency-line-outcome-referred_out_of_scope = به جای دیگری ارجاع داده شد (خارج از خدمات ما)
transparency-line-outcome-withdrawn = خود شخص شکایت را پس گرفت
transparency-line-outcome-pending = هنوز تصمیمی گرفته نشده
transparency-line-acknowledged-total = تأیید دریافت فرستاده شد
transparency-line-acknowledged-on-time = تأیید دریافت به‌موقع فرستاده شد
transparency-line-acknowledged-late = تأیید دریافت با تأخیر فرستاده شد
transparency-line-decided-total = تصمیم گرفته شد
transparency-line-decided-on-time = به‌موقع تصمیم گرفته شد
transparency-line-decided-late = با تأخیر تصمیم گرفته شد
transparency-line-appealed-total = تصمیم‌ها
transparency-line-appealed-yes = به آن اعتراض شد (درخواست تجدیدنظر)
transparency-line-appealed-no = به آن اعتراض نشد
transparency-line-fair-total = کسانی که به نظرسنجی ما پاسخ دادند
transparency-line-fair-yes = گفتند روند رسیدگی منصفانه بود
transparency-line-fair-no = گفتند روند رسیدگی منصفانه نبود
transparency-line-systemic-opened = تغییرهای آغازشده (اقدام‌های اصلاحی ساختاری)
transparency-line-systemic-verified = تغییرهای تمام‌شده و بررسی‌شده
transparency-systemic-title = آنچه در حال تغییر آن هستیم
transparency-systemic-none = در این دوره هیچ تغییری در سطح کل سازمان آغاز یا تمام نشد.
transparency-systemic-new = شروع نشده
transparency-systemic-open = در حال انجام
transparency-systemic-completed = انجام شد، در حال بررسی
transparency-systemic-verified = انجام و بررسی شد
transparency-review-title = ارزیابی خودمان بر پایهٔ چارچوب کیفیت
transparency-review-intro = آخرین ارزیابی ما که هیئت مدیره تأیید کرده است، برای دورهٔ
transparency-review-none = هنوز هیچ ارزیابی‌ای بر پایهٔ چارچوب تأیید نشده است.
transparency-col-item = روش کار
transparency-col-rating = ارزیابی ما
transparency-rating-met = برآورده
transparency-rating-partly_met = تا حدی برآورده
transparency-rating-not_met = برآورده نشده
transparency-rating-not_applicable = موضوعیت ندارد
transparency-unrated = ارزیابی نشده
transparency-pinned = این آمار از دفتر ثبتِ امضاشده در این اندازه و این ریشه گرفته شده است، پس هر کسی که نسخهٔ خروجی آن را دارد می‌تواند آن را بررسی کند:
transparency-board-title = انتشار گزارش شفافیت
transparency-board-lead = یک دوره را انتخاب کنید و گزارش را بررسی کنید. با انتشار، گزارش امضا می‌شود و در صفحهٔ عمومی قرار می‌گیرد؛ پس از آن دیگر نمی‌توان آن را تغییر داد.
transparency-preview = پیش‌نمایش
transparency-preview-title = پیش‌نمایش گزارش برای
transparency-publish-warning = با انتشار، این گزارش همراه با امضای شما در دفتر ثبت می‌شود و همه آن را می‌بینند.
transparency-publish = انتشار این گزارش
transparency-board-only = فقط عضو هیئت مدیره می‌تواند گزارش را منتشر کند.
transparency-bad-period = یکی از دوره‌های موجود را انتخاب کنید.
footer-transparency = شکایت‌هایی که دریافت کرده‌ایم: گزارش شفافیت

## flow
transparency-published-on = { $period }، منتشرشده در { $date }
