# common: ar
# العربية (الفصحى المبسّطة). DRAFTED BY AN AI ASSISTANT from the English (locales/en/common.ftl).
# Not reviewed: a fluent Arabic speaker must review every message before use with clients.
site-name = Recourse
skip-to-content = انتقل إلى المحتوى
nav-languages = اللغات
nav-staff = الموظفون
nav-queue = قائمة العمل
nav-file = تقديم شكوى نيابةً عن عميل
nav-board = لوحة المعلومات
nav-admin = الإدارة
nav-password = تغيير كلمة المرور
nav-sign-out = تسجيل الخروج
footer-ledger = كل خطوة في كل شكوى مسجّلة في سجلّ موقَّع يستطيع أي شخص التحقق منه.
footer-checkpoint = آخر نقطة تحقق في السجلّ
footer-staff = دخول الموظفين
error-title = حدث خطأ ما
error-not-found = لم نجد هذه الصفحة.
error-forbidden = غير مسموح لك بالقيام بذلك.
error-bad-request = يُرجى التحقق مما أدخلته.
error-conflict = لا يمكن القيام بذلك الآن.
error-too-many = محاولات كثيرة جدًا. يُرجى الانتظار بضع دقائق ثم المحاولة مرة أخرى.
error-too-many-wait = محاولات كثيرة جدًا. يُرجى الانتظار { $minutes ->
        [one] دقيقة واحدة
        [two] دقيقتين
        [few] { $minutes } دقائق
       *[other] { $minutes } دقيقة
    } ثم المحاولة مرة أخرى.
error-csrf = انتهت صلاحية هذا النموذج. يُرجى الرجوع وإعادة تحميل الصفحة والمحاولة مرة أخرى.
error-internal = حدث خطأ من جهتنا. لم يُسجَّل أي شيء. يُرجى المحاولة مرة أخرى.
error-home = الذهاب إلى الصفحة الرئيسية
error-role = دورك لا يسمح بذلك.
done-generic = تمّ.
yes = نعم
no = لا
error-too-many-title = يُرجى الانتظار قبل المحاولة مرة أخرى
error-restricted = هذه القضية مقيّدة: لا يستطيع فتح ملفها إلا المراجع المكلَّف بها ورئيس اللجنة وموظفو الاستقبال. تم تسجيل محاولتك.

## audit
nav-audit = التدقيق
## attach
attachment-title = المستندات والصور
attachment-none-yet = لم يُرفق أي ملف بعد.
attachment-erased = محذوف
attachment-open = فتح الملف
attachment-open-hint = يُسجَّل فتح الملف في سجل الاطلاع، مع الغرض منه، قبل تنزيله.
attachment-download = تنزيل
attachment-add = إرفاق مستند أو صورة
attachment-file = الملف
attachment-file-hint = صورة (PNG أو JPEG أو WebP) أو مستند PDF، بحد أقصى { $limit } ميغابايت.
attachment-description = ما الذي يُظهره (اختياري)
attachment-send = إرفاق
attachment-size = { $kb } كيلوبايت
attachment-by-organization = المنظمة
