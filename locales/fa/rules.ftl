# ردّ قواعد: چرا قواعد اقدامی را رد کردند (همان شناسه‌ها در صفحه‌ها و در API).
rule-forbidden = مجاز نیست: { $why }
rule-forbidden-audit-view = مجاز نیست: مشاهده برای حسابرسی فقط مخصوص حسابرسان و رئیس کمیته است.
rule-forbidden-client-audience = مجاز نیست: مراجعان از طریق پیام‌های مراجع به کمیته می‌نویسند.
rule-forbidden-comment = مجاز نیست: نظر دادن دربارهٔ پرونده حق مراجع است.
rule-forbidden-erase = مجاز نیست: پاک‌سازی را سازمان پس از نابود کردن کلید داده ثبت می‌کند.
rule-forbidden-admin = مجاز نیست: فقط مدیر سامانه می‌تواند تنظیمات سازمان را تغییر دهد.
rule-forbidden-open = مجاز نیست: فقط اعضای کمیته و حسابرسان پرونده‌های شکایت را باز می‌کنند.
rule-forbidden-acknowledge = مجاز نیست: فقط کارکنان پذیرش یا رئیس کمیته دریافت شکایت را تأیید می‌کنند.
rule-forbidden-route = مجاز نیست: فقط کارکنان پذیرش یا رئیس کمیته شکایت‌ها را ارجاع می‌دهند.
rule-forbidden-triage = مجاز نیست: فقط کارکنان پذیرش یا رئیس کمیته شکایت‌ها را دسته‌بندی می‌کنند.
rule-forbidden-file = مجاز نیست: فقط کارکنان پذیرش به نمایندگی از مراجعان شکایت ثبت می‌کنند.
rule-forbidden-refused-view = مجاز نیست: فقط تلاش کارکنان برای باز کردن پرونده ثبت می‌شود.
rule-forbidden-update-action = مجاز نیست: فقط مسئول اقدام یا رئیس کمیته می‌تواند آن را به‌روز کند.
rule-forbidden-decide-appeal = مجاز نیست: فقط بررسی‌کنندهٔ تجدیدنظر دربارهٔ آن تصمیم می‌گیرد.
rule-forbidden-assign-appeal = مجاز نیست: فقط رئیس کمیته تجدیدنظرها را واگذار می‌کند.
rule-forbidden-close = مجاز نیست: فقط رئیس کمیته پرونده‌ها را می‌بندد.
rule-forbidden-reopen = مجاز نیست: فقط رئیس کمیته پرونده‌ها را دوباره باز می‌کند.
rule-forbidden-verify-action = مجاز نیست: فقط رئیس کمیته اقدامات اصلاحی را تأیید می‌کند.
rule-forbidden-waive-action = مجاز نیست: فقط رئیس کمیته از اقدامات اصلاحی صرف‌نظر می‌کند.
rule-forbidden-add-information = مجاز نیست: فقط خود مراجع به شکایتش اطلاعات اضافه می‌کند.
rule-forbidden-appeal = مجاز نیست: فقط مراجع درخواست تجدیدنظر می‌دهد.
rule-forbidden-request-erasure = مجاز نیست: فقط مراجع درخواست پاک‌سازی می‌دهد؛ پاک‌سازی پس از پایان دورهٔ نگهداری خودکار است.
rule-forbidden-withdraw = مجاز نیست: فقط مراجع، یا کارکنان پذیرش یا رئیس کمیته به درخواست او، شکایت را پس می‌گیرند.
rule-forbidden-satisfaction = مجاز نیست: میزان رضایت را فقط مراجع اعلام می‌کند.
rule-forbidden-recuse = مجاز نیست: کارکنان خودشان کناره‌گیری می‌کنند؛ فقط رئیس کمیته آن را برای دیگری ثبت می‌کند.
rule-forbidden-verify-own-action = مجاز نیست: مسئول یک اقدام نمی‌تواند آن را تأیید کند؛ رئیس دیگری باید این کار را بکند.
rule-forbidden-web-filing = مجاز نیست: شکایت‌های اینترنتی از طریق فرم می‌آیند؛ کارکنان شکایت‌های تلفنی، حضوری، ایمیلی یا ارجاعی را ثبت می‌کنند.
rule-forbidden-pause = مجاز نیست: فقط کارکنان پذیرش، بررسی‌کنندهٔ تعیین‌شده یا رئیس کمیته مهلت را متوقف می‌کنند.
rule-forbidden-resume = مجاز نیست: فقط کارکنان پذیرش، بررسی‌کنندهٔ تعیین‌شده یا رئیس کمیته مهلت را از سر می‌گیرند.
rule-forbidden-message = مجاز نیست: فقط کارکنان پذیرش، بررسی‌کنندهٔ تعیین‌شده یا رئیس کمیته در پرونده می‌نویسند.
rule-forbidden-evidence = مجاز نیست: فقط کارکنان پذیرش، بررسی‌کنندهٔ تعیین‌شده، رئیس کمیته یا مراجع مدرک اضافه می‌کنند.
rule-forbidden-finding = مجاز نیست: فقط بررسی‌کنندهٔ تعیین‌شده یا رئیس کمیته یافته‌ها را ثبت می‌کنند.
rule-forbidden-decide-chair = مجاز نیست: در این سازمان رئیس کمیته دربارهٔ همهٔ شکایت‌ها تصمیم می‌گیرد؛ بررسی‌کننده یافته‌ها را ثبت می‌کند.
rule-forbidden-decide = مجاز نیست: فقط بررسی‌کنندهٔ تعیین‌شده یا رئیس کمیته تصمیم می‌گیرند.
rule-forbidden-open-action = مجاز نیست: فقط بررسی‌کنندهٔ تعیین‌شده یا رئیس کمیته اقدام اصلاحی باز می‌کنند.
rule-forbidden-open-review = مجاز نیست: فقط رئیس کمیته بازبینی چارچوب کیفیت را باز می‌کند.
rule-forbidden-rate-review = مجاز نیست: فقط اعضای کمیته بندهای چارچوب را ارزیابی می‌کنند.
rule-forbidden-attest-review = مجاز نیست: فقط اعضای کمیته برای بازبینی گواهی ثبت می‌کنند.
rule-forbidden-submit-review = مجاز نیست: فقط رئیس کمیته بازبینی را به هیئت مدیره ارائه می‌کند.
rule-forbidden-return-review = مجاز نیست: فقط هیئت مدیره بازبینی را بازمی‌گرداند یا تصویب می‌کند.
rule-forbidden-systemic-staff = مجاز نیست: فقط کارکنان روی اقدامات اصلاحی نظام‌مند کار می‌کنند.
rule-forbidden-publish-report = مجاز نیست: تنها هیئت‌مدیره گزارش شفافیت را منتشر می‌کند.
rule-forbidden-open-systemic = مجاز نیست: فقط رئیس کمیته اقدام اصلاحی نظام‌مند باز می‌کند.
rule-forbidden-progress-systemic = مجاز نیست: فقط مسئول اقدام نظام‌مند یا رئیس کمیته پیشرفت آن را ثبت می‌کنند.
rule-forbidden-verify-systemic = مجاز نیست: فقط رئیس کمیته یا حسابرس اقدام نظام‌مند را تأیید می‌کنند.
rule-conflicted = کارمند { $staff } در این پرونده تعارض منافع دارد (نامش در شکایت آمده یا کناره‌گیری کرده است).
rule-took-part-in-decision = کارمند { $staff } در تصمیمی که مورد تجدیدنظر است مشارکت داشته است.
rule-wrong-state = پرونده‌ای که { $status ->
        [filed] دریافت شده
        [acknowledged] تأیید شده
        [under-review] در حال بررسی است
        [decided] دربارهٔ آن تصمیم گرفته شده
        [under-appeal] در حال تجدیدنظر است
        [closed] بسته شده
        [withdrawn] پس گرفته شده
        [erased] پاک شده
       *[other] در وضعیت «{ $status }» است
    } این اقدام را نمی‌پذیرد: { $action ->
        [file-a-complaint] ثبت شکایت
        [acknowledge] تأیید دریافت
        [triage] دسته‌بندی
        [assign-a-reviewer] تعیین بررسی‌کننده
        [recuse] کناره‌گیری
        [post-a-message] ارسال پیام
        [add-evidence] افزودن مدرک
        [open-the-file] باز کردن پرونده
        [record-a-refused-opening] ثبت تلاش ردشده برای باز کردن
        [record-a-finding] ثبت یافته
        [issue-a-decision] صدور تصمیم
        [open-a-corrective-action] باز کردن اقدام اصلاحی
        [update-a-corrective-action] به‌روزرسانی اقدام اصلاحی
        [complete-a-corrective-action] تکمیل اقدام اصلاحی
        [verify-a-corrective-action] تأیید اقدام اصلاحی
        [waive-a-corrective-action] صرف‌نظر از اقدام اصلاحی
        [comment-on-the-file] نظر دادن دربارهٔ پرونده
        [add-information] افزودن اطلاعات
        [appeal] تجدیدنظرخواهی
        [assign-an-appeal-reviewer] تعیین بررسی‌کنندهٔ تجدیدنظر
        [decide-the-appeal] تصمیم دربارهٔ تجدیدنظر
        [pause-the-clock] توقف مهلت
        [resume-the-clock] ازسرگیری مهلت
        [record-satisfaction] ثبت رضایت
        [close] بستن
        [reopen] بازگشایی دوباره
        [withdraw] پس گرفتن شکایت
        [request-erasure] درخواست پاک‌سازی
        [erase-personal-data] پاک کردن اطلاعات شخصی
        [open-a-corrective-action-before-a-finding] باز کردن اقدام اصلاحی پیش از ثبت یافته
       *[other] { $action }
    }.
rule-no-finding = پیش از صدور تصمیم، یک یافته ثبت کنید.
rule-actions-outstanding = { $count ->
        [one] یک اقدام اصلاحی هنوز باز است: پیش از بستن پرونده، آن را تأیید کنید یا (با ذکر دلیل) از آن صرف‌نظر کنید.
       *[other] { $count } اقدام اصلاحی هنوز باز است: پیش از بستن پرونده، آن‌ها را تأیید کنید یا (با ذکر دلیل) از آن‌ها صرف‌نظر کنید.
    }
rule-appeal-window-closed = مهلت تجدیدنظر در { $date } به پایان رسید.
rule-unknown-staff = کارمند { $staff } ناشناخته است یا رفته است.
rule-not-reviewer = کارمند { $staff } بررسی‌کننده یا رئیس کمیته نیست.
rule-unknown-action = اقدام اصلاحی { $action } در این پرونده وجود ندارد.
rule-restricted = دسترسی به این پرونده محدود است: فقط بررسی‌کنندهٔ تعیین‌شده، رئیس کمیته و کارکنان پذیرش می‌توانند آن را باز کنند. تلاش شما ثبت شد.
rule-erased = اطلاعات شخصی این پرونده پاک شده است.
rule-last-administrator = سازمان باید دست‌کم یک مدیر سامانه داشته باشد.
rule-not-now = { $status ->
        [new] این بازبینی یا اقدام نظام‌مند هنوز باز نشده است
        [open] این بازبینی یا اقدام نظام‌مند در جریان است
        [submitted] این بازبینی به هیئت مدیره ارائه شده است
        [approved] این بازبینی تصویب شده است
        [completed] انجام این اقدام نظام‌مند اعلام شده است
        [verified] این اقدام نظام‌مند تأیید شده است
       *[other] این بازبینی یا اقدام نظام‌مند در وضعیت «{ $status }» است
    }؛ این کار پذیرفته نیست: { $action ->
        [open-a-review] باز کردن بازبینی
        [rate-an-item] ارزیابی یک بند
        [attest] ثبت گواهی
        [submit] ارائهٔ بازبینی
        [return] بازگرداندن بازبینی
        [approve] تصویب بازبینی
        [open-a-systemic-action] باز کردن اقدام نظام‌مند
        [record-progress] ثبت پیشرفت
        [complete-a-systemic-action] اعلام انجام اقدام نظام‌مند
        [verify-a-systemic-action] تأیید اقدام نظام‌مند
       *[other] { $action }
    }.
rule-review-final = این بازبینی تصویب شده است: دیگر هرگز تغییر نمی‌کند.
rule-unrated = { $count ->
        [one] یک بند هنوز ارزیابی نشده است: پیش از ارائهٔ بازبینی همهٔ بندها را ارزیابی کنید.
       *[other] { $count } بند هنوز ارزیابی نشده است: پیش از ارائهٔ بازبینی همهٔ بندها را ارزیابی کنید.
    }
rule-follow-up-needed = بند { $item } تا حدی برآورده شده یا برآورده نشده است: نخست برای آن یک اقدام نظام‌مند یا بازبینی حوزهٔ آن را باز کنید.
rule-not-in-scope = بند { $item } جزو این بازبینی نیست.
rule-unknown-review = بازبینی { $review } وجود ندارد.
rule-own-work = کس دیگری باید { $what ->
        [approve-a-review-you-submitted] بازبینی‌ای را که شما ارائه کرده‌اید تصویب کند
        [verify-an-action-you-own-or-completed] اقدامی را که مسئول آن هستید یا انجامش را اعلام کرده‌اید تأیید کند
       *[other] { $what }
    }.
rule-invalid = { $field }: مقدار پذیرفته نشد ({ $reason })

## roles
rule-already-answered = به این پرسش‌ها برای این شکایت قبلاً پاسخ داده شده است. پاسخ ثبت شده و دیگر قابل تغییر نیست.
