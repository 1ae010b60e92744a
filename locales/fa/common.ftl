# common: fa
# فارسی. DRAFTED BY AN AI ASSISTANT from the English (locales/en/common.ftl).
# Not reviewed: a fluent Farsi speaker must review every message before use with clients
# (and check it reads well for Dari speakers too, until a Dari translation exists).
site-name = Recourse
skip-to-content = رفتن به محتوا
nav-languages = زبان‌ها
nav-staff = کارکنان
nav-queue = فهرست کارها
nav-file = ثبت شکایت از طرف مراجع
nav-board = داشبورد
nav-admin = مدیریت
nav-password = تغییر رمز عبور
nav-sign-out = خروج
footer-ledger = هر مرحله از هر شکایت در یک دفتر ثبت امضاشده ثبت می‌شود که همه می‌توانند آن را بررسی کنند.
footer-checkpoint = آخرین نقطهٔ بازبینی دفتر ثبت
footer-staff = ورود کارکنان
error-title = مشکلی پیش آمد
error-not-found = این صفحه را پیدا نکردیم.
error-forbidden = شما اجازهٔ انجام این کار را ندارید.
error-bad-request = لطفاً آنچه را وارد کرده‌اید بررسی کنید.
error-conflict = این کار الان انجام‌شدنی نیست.
error-too-many = تلاش‌ها بیش از حد بوده است. لطفاً چند دقیقه صبر کنید و دوباره امتحان کنید.
error-too-many-wait = تلاش‌ها بیش از حد بوده است. لطفاً { $minutes } دقیقه صبر کنید و دوباره امتحان کنید.
error-csrf = مهلت این فرم تمام شده است. لطفاً برگردید، صفحه را دوباره بارگذاری کنید و دوباره امتحان کنید.
error-internal = مشکلی از طرف ما پیش آمد. چیزی ثبت نشد. لطفاً دوباره امتحان کنید.
error-home = رفتن به صفحهٔ اصلی
error-role = نقش شما اجازهٔ این کار را نمی‌دهد.
done-generic = انجام شد.
yes = بله
no = خیر
error-too-many-title = لطفاً پیش از تلاش دوباره صبر کنید
error-restricted = دسترسی به این پرونده محدود است: فقط بررسی‌کنندهٔ تعیین‌شده، رئیس کمیته و کارکنان پذیرش می‌توانند آن را باز کنند. تلاش شما ثبت شد.

## audit
nav-audit = حسابرسی
## attach
attachment-title = اسناد و عکس‌ها
attachment-none-yet = هنوز فایلی پیوست نشده است.
attachment-erased = پاک شده
attachment-open = باز کردن فایل
attachment-open-hint = باز کردن فایل، همراه با هدف آن، پیش از دانلود در گزارش دسترسی ثبت می‌شود.
attachment-download = دانلود
attachment-add = پیوست کردن سند یا عکس
attachment-file = فایل
attachment-file-hint = یک عکس (PNG، JPEG یا WebP) یا یک سند PDF، حداکثر { $limit } مگابایت.
attachment-description = چه چیزی را نشان می‌دهد (اختیاری)
attachment-send = پیوست
attachment-size = { $kb } کیلوبایت
attachment-by-organization = سازمان
