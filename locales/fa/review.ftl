# بازبینی‌های انطباق با چارچوب کیفیت: صفحه‌های کمیته و هیئت‌مدیره، گزارش چاپی و خروجی‌ها.
nav-reviews = بازبینی‌های چارچوب

review-list-title = بازبینی‌های چارچوب کیفیت
review-list-intro = هر بازبینی چارچوب کیفیت را بند به بند، بر پایهٔ ارقامی که دفتر ثبت برای یک دوره می‌دهد، ارزیابی می‌کند. کمیته به هر بند نمره می‌دهد و هیئت‌مدیره بازبینی را تصویب می‌کند.
review-list-none = هنوز هیچ بازبینی‌ای باز نشده است.
review-list-caption = همهٔ بازبینی‌ها، از تازه‌ترین دوره
review-col-period = دوره
review-col-scope = دامنه
review-col-status = وضعیت
review-col-opened = تاریخ گشایش
review-col-approved = تاریخ تصویب
review-scope-all = کل چارچوب
review-area-unknown = بندهایی که دیگر در چارچوب نیستند

review-status-new = باز نشده
review-status-open = باز
review-status-submitted = ارائه‌شده به هیئت‌مدیره
review-status-approved = تصویب‌شده

review-open-title = گشودن بازبینی
review-open-area-title = گشودن بازبینی حوزه برای این بند
review-open-hint = ارقام از دفتر ثبت، به همان صورتی که هنگام گشودن بازبینی است، محاسبه و همراه آن ثبت می‌شوند.
review-open-kind = طول دوره
review-kind-quarter = سه‌ماهه
review-kind-half-year = شش‌ماهه
review-kind-year = سال
review-open-kind-show = نمایش دوره‌های این طول
review-open-legend = بازبینی
review-open-period = دوره (الزامی)
review-period-option = { $label } (از { $from } تا { $to })
review-open-area = دامنه
review-open-area-all = کل چارچوب
review-open-submit = گشودن بازبینی
review-open-origin = این بازبینی حوزه پیگیری بند { $item } از بازبینی { $period } است.
review-invalid-period = لطفاً یکی از دوره‌های فهرست‌شده را برگزینید: دوره‌ای که آغاز شده و با سال سازمان هم‌تراز است.

review-title = بازبینی چارچوب
review-report-title = گزارش بازبینی چارچوب
review-report-draft = پیش‌نویس: این بازبینی هنوز تصویب نشده است.
review-fact-period = دوره
review-fact-scope = دامنه
review-fact-status = وضعیت
review-fact-opened = گشوده شد
review-opened-by = { $name }، { $when }
review-fact-origin = گشوده‌شده برای پیگیری
review-origin = بند { $item } از یک بازبینی پیشین
review-fact-pinned = نقطهٔ وارسی دفتر ثبت
review-pinned-size = شمار ورودی‌ها:
review-pinned-root = ریشه:
review-pinned-hint = ارقام زیر از نخستین { $size } ورودی دفتر ثبت محاسبه شده‌اند که ریشهٔ مرکل آن‌ها در بالا آمده است. هر کس خروجی دفتر ثبت را داشته باشد می‌تواند این ورودی‌ها را پردازش کند، ریشه را وارسی کند و هر رقم را با این فرمان دوباره محاسبه کند: recourse review recompute
review-fact-framework = چارچوب
review-framework = نسخهٔ { $version }، پروندهٔ SHA-256 { $sha256 }
review-framework-unknown = نسخه ثبت نشده است
review-fact-previous = در مقایسه با
review-previous-none = بازبینی تصویب‌شدهٔ پیشینی با این دامنه وجود ندارد.
review-final = این بازبینی تصویب شده است: نهایی است و هرگز تغییر نمی‌کند.
review-download = بارگیری
review-print = گزارش چاپی
review-download-csv = ارقام و نمره‌ها (CSV)
review-download-json = کل بازبینی (JSON)
review-back = بازگشت به بازبینی
review-back-list = همهٔ بازبینی‌های چارچوب

review-item-figures = ارقام دوره
review-col-measure = سنجه
review-col-value = مقدار
review-col-trend = بازبینی پیشین
review-see-cases = دیدن پرونده‌ها
review-share = { $count } از { $of } ({ $pct } %)
review-share-empty = { $count } از { $of }
review-average = { $average } / 5 (شمار پاسخ‌ها: { $answers })
review-average-none = بدون پاسخ
review-trend-up = افزایش از { $value }
review-trend-down = کاهش از { $value }
review-trend-same = بدون تغییر ({ $value })
review-trend-was = پیش‌تر { $value }
review-trend-new = پیش‌تر سنجیده نشده

review-measure-complaints = شکایت‌های دریافتی
review-measure-acknowledged-on-time = تأیید دریافت به‌موقع
review-measure-decided-on-time = تصمیم به‌موقع
review-measure-decided = تصمیم‌گرفته (یا پس‌گرفته)
review-measure-appeals = درخواست تجدیدنظر
review-measure-satisfaction = رضایت مراجعان
review-measure-explained = مراجعانی که تصمیم را روشن یافتند
review-measure-fair = مراجعانی که روند را منصفانه یافتند
review-measure-outsider-openings = گشودن پرونده به دست کارکنان بیرون از پرونده
review-measure-citing-right = شکایت‌هایی که به این حق استناد می‌کنند: { $right }
review-measure-recusals = کناره‌گیری به سبب تعارض منافع
review-measure-named-staff = شکایت‌هایی که از یکی از کارکنان نام می‌برند
review-measure-actions-verified-on-time = اقدام‌های اصلاحی وارسی‌شده به‌موقع
review-measure-systemic-verified-on-time = اقدام‌های نظام‌مند وارسی‌شده به‌موقع
review-measure-tagged-complaints = شکایت‌های مربوط به این بند
review-measure-tagged-findings = یافته‌های مربوط به این بند
review-measure-tagged-actions = اقدام‌های اصلاحی در خدمت این بند
review-measure-tagged-systemic = اقدام‌های نظام‌مند در خدمت این بند

review-rating = نمره
review-rating-met = برآورده
review-rating-partly-met = تا حدی برآورده
review-rating-not-met = برآورده نشده
review-rating-not-applicable = موضوعیت ندارد
review-unrated = هنوز نمره داده نشده است.
review-rated-by = نمره از { $name }، { $when }
review-rated-times = شمار نمره‌دهی: { $count }
review-reasons = دلایل
review-previous = بازبینی پیشین
review-previous-rating = نمره: { $rating }
review-previous-unrated = بدون نمره
review-attestations = گواهی‌ها
review-attested-by = گواهی از { $name }، { $when }
review-document = سند نگه‌داشته‌شده: { $name } ({ $size } بایت، SHA-256 { $sha256 })
review-follow-ups = پیگیری‌ها
review-follow-up-systemic = اقدام نظام‌مند: { $title }
review-follow-up-area = بازبینی حوزه: { $review }
review-needs-follow-up = این بند تا حدی برآورده یا برآورده نشده است: پیش از ارائهٔ بازبینی به پیگیری (اقدام نظام‌مند یا بازبینی حوزه) نیاز دارد.
review-open-systemic = گشودن اقدام نظام‌مند برای این بند
review-open-area-review = گشودن بازبینی حوزه برای این بند

review-text-hint = به‌صورت متن آشکار در دفتر ثبت نگه‌داری می‌شود: دربارهٔ سازمان بنویسید، هرگز دربارهٔ یک مراجع. حداکثر { $limit } نویسه.
review-rate-legend = نمره‌دادن به این بند
review-rate-rating = نمره (الزامی)
review-rate-reasons = دلایل (الزامی)
review-rate-submit = ثبت نمره
review-attest-legend = گواهی برای این بند
review-attest-hint = برای آنچه داده‌های دفتر ثبت نشان نمی‌دهند: بیمهٔ معتبر، آموزش داده‌شده، خدمات رایگان.
review-attest-statement = متن گواهی (الزامی)
review-attest-submit = ثبت گواهی

review-submit-title = ارائه به هیئت‌مدیره
review-submit-ready = همهٔ بندها نمره گرفته‌اند و هر کاستی پیگیری دارد: بازبینی را می‌توان ارائه کرد.
review-submit-blocked = بازبینی هنوز قابل ارائه نیست:
review-blocker-unrated = { $item }: هنوز نمره نگرفته
review-blocker-follow-up = { $item }: تا حدی برآورده یا برآورده نشده، و هنوز بدون پیگیری
review-submit = ارائهٔ بازبینی به هیئت‌مدیره

review-board-title = تصمیم هیئت‌مدیره
review-board-hint = بازبینی را تصویب کنید، یا آن را با بیان آنچه باید بازنگری شود به کمیته بازگردانید.
review-return-legend = بازگرداندن به کمیته
review-comments-required = توضیحات (الزامی)
review-return = بازگرداندن بازبینی
review-approve-legend = تصویب
review-comments-optional = توضیحات (اختیاری)
review-approve = تصویب بازبینی

review-history = پیشینه
review-history-opened = گشوده به دست { $name }
review-history-submitted = ارائه به هیئت‌مدیره به دست { $name }
review-history-returned = بازگردانده به کمیته به دست { $name }
review-history-approved = تصویب به دست { $name }

review-cases-title = پرونده‌های پشت یک رقم
review-cases-item = بند
review-cases-recorded = ثبت‌شده با بازبینی
review-cases-now = تا این لحظه
review-cases-note = پرونده‌ها بر پایهٔ دفتر ثبت در وضعیت کنونی فهرست شده‌اند؛ رقم ثبت‌شده مربوط به نقطهٔ وارسی بازبینی ({ $size } ورودی) است، پس اگر پرونده‌ها از آن پس تغییر کرده باشند، این دو با هم فرق دارند.
review-cases-none = هیچ پرونده‌ای نیست.
review-cases-bad = بند و سنجه را مشخص کنید.

done-review-opened = بازبینی گشوده شد.
done-review-rate = نمره ثبت شد.
done-review-attest = گواهی ثبت شد.
done-review-submit = بازبینی به هیئت‌مدیره ارائه شد.
done-review-return = بازبینی به کمیته بازگردانده شد.
done-review-approve = بازبینی تصویب شد.

# ردهای قواعد برای بازبینی‌ها و اقدام‌های نظام‌مند.
rule-not-now = بازبینی یا اقدام نظام‌مند در وضعیت «{ $status ->
        [new] باز نشده
        [open] باز
        [submitted] ارائه‌شده
        [approved] تصویب‌شده
        [completed] انجام‌شده
        [verified] وارسی‌شده
       *[other] { $status }
    }» این را نمی‌پذیرد: { $action ->
        [open-a-review] گشودن بازبینی
        [rate-an-item] نمره‌دادن به بند
        [attest] گواهی
        [submit] ارائه
        [return] بازگرداندن
        [approve] تصویب
        [open-a-systemic-action] گشودن اقدام نظام‌مند
        [record-progress] ثبت پیشرفت
        [complete-a-systemic-action] اعلام انجام اقدام نظام‌مند
        [verify-a-systemic-action] وارسی اقدام نظام‌مند
       *[other] { $action }
    }.
rule-review-final = این بازبینی تصویب شده است: نهایی است و هرگز تغییر نمی‌کند.
rule-unrated = شمار بندهای بی‌نمره: { $count }. پیش از ارائه به همهٔ بندها نمره دهید.
rule-follow-up-needed = بند { $item } تا حدی برآورده یا برآورده نشده است: نخست برای آن اقدام نظام‌مند یا بازبینی حوزه بگشایید.
rule-not-in-scope = بند { $item } در این بازبینی نیست.
rule-unknown-review = بازبینی { $review } وجود ندارد.
rule-own-work = این کار را باید کس دیگری انجام دهد: { $what ->
        [approve-a-review-you-submitted] تصویب بازبینی‌ای که خودش ارائه نکرده
        [verify-an-action-you-own-or-completed] وارسی اقدامی که نه مسئول آن است و نه انجامش داده
       *[other] { $what }
    }.
rule-forbidden-open-review = مجاز نیست: تنها رئیس بازبینی چارچوب را می‌گشاید.
rule-forbidden-rate-item = مجاز نیست: تنها اعضای کمیته به بندهای چارچوب نمره می‌دهند.
rule-forbidden-attest = مجاز نیست: تنها اعضای کمیته برای بازبینی گواهی می‌دهند.
rule-forbidden-submit-review = مجاز نیست: تنها رئیس بازبینی را به هیئت‌مدیره ارائه می‌کند.
rule-forbidden-board-review = مجاز نیست: تنها هیئت‌مدیره بازبینی را بازمی‌گرداند یا تصویب می‌کند.
rule-forbidden-systemic-staff = مجاز نیست: تنها کارکنان روی اقدام‌های نظام‌مند کار می‌کنند.
rule-forbidden-open-systemic = مجاز نیست: تنها رئیس اقدام نظام‌مند را می‌گشاید.
rule-forbidden-systemic-progress = مجاز نیست: تنها مسئول اقدام نظام‌مند یا رئیس پیشرفت آن را ثبت می‌کنند.
rule-forbidden-verify-systemic = مجاز نیست: تنها رئیس یا حسابرس اقدام نظام‌مند را وارسی می‌کنند.
