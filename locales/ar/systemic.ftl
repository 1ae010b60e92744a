# systemic: ar
# الإجراءات التصحيحية المنهجية (/board/systemic)، وتنبيه المراجعة المستحقة، وتواتر المراجعات في
# الإعدادات، ورفض القواعد للإجراءات المنهجية.
systemic-title = الإجراءات التصحيحية المنهجية
systemic-intro = تغييرات في سياسة أو ممارسة، لأن مراجعةً وجدت جزءًا من الإطار غير مستوفى أو لأن عدة شكاوى أظهرت المشكلة نفسها. لكل إجراء شخص مسؤول وموعد نهائي، ويتحقق شخص آخر من إنجازه.
systemic-open-link = فتح إجراء تصحيحي منهجي
systemic-filter = عرض الإجراءات
systemic-filter-all = الكل
systemic-none = لا توجد إجراءات تصحيحية منهجية لعرضها.
systemic-status-open = مفتوح
systemic-status-overdue = متأخر
systemic-status-completed = أُبلغ عن إنجازه
systemic-status-verified = تم التحقق منه
systemic-col-title = الإجراء
systemic-col-item = بند الإطار
systemic-col-owner = المسؤول
systemic-col-due = الموعد النهائي
systemic-col-status = الحالة
systemic-col-origin = المصدر
systemic-origin-review = مراجعة { $period }، البند { $item }
systemic-origin-cases = { $count ->
        [zero] لا شكاوى
        [one] شكوى واحدة
        [two] شكويان
        [few] { $count } شكاوى
       *[other] { $count } شكوى
    }
systemic-origin-none = غير مسجل
systemic-back = العودة إلى الإجراءات التصحيحية المنهجية
systemic-new-title = فتح إجراء تصحيحي منهجي
systemic-clear-text = تُحفظ هذه النصوص دون تشفير وقد تُنشر. لا تكتب اسم أي شخص أو أي معلومات شخصية.
systemic-field-title = ما يجب فعله، في سطر واحد
systemic-field-description = التفاصيل
systemic-field-owner = الشخص المسؤول
systemic-choose = اختر أحد الموظفين
systemic-field-due = الموعد النهائي
systemic-field-item = بند الإطار الذي يخدمه (اختياري)
systemic-no-item = لا شيء
systemic-field-origin = من أين جاء
systemic-new-from-review = يتابع البند { $item } من مراجعة { $period }.
systemic-new-review-and-item = اذكر المراجعة وبندها معًا، أو لا تذكر أيًا منهما.
systemic-field-cases = الشكاوى التي أظهرت المشكلة (اختياري)
systemic-field-cases-hint = أرقامها كما تعرضها قائمة العمل، أو معرّفاتها الكاملة، تفصل بينها مسافات.
systemic-open-submit = فتح الإجراء
systemic-unknown-case = لا توجد شكوى بالرقم { $reference }. تحقق منه في قائمة العمل.
systemic-page-title = إجراء تصحيحي منهجي
systemic-first-due = الموعد النهائي الأول
systemic-opened-by = فتحه
systemic-history = ما تم إنجازه
systemic-no-history = لم يُسجل شيء بعد.
systemic-step-progress = تقدم
systemic-step-completed = أُبلغ عن إنجازه
systemic-step-verified = تم التحقق منه
systemic-due-moved = نُقل الموعد النهائي إلى { $date }
systemic-actions = ما يمكنك فعله
systemic-progress-title = تسجيل التقدم
systemic-complete-title = الإبلاغ عن إنجازه
systemic-verify-title = التحقق من إنجازه
systemic-field-note = ما تم فعله أو التحقق منه
systemic-field-new-due = موعد نهائي جديد (اختياري)
systemic-progress-submit = تسجيل التقدم
systemic-complete-submit = الإبلاغ عن إنجازه
systemic-verify-submit = تحقق
done-systemic-opened = فُتح الإجراء التصحيحي المنهجي.
done-systemic-progress = سُجل التقدم.
done-systemic-complete = أُبلغ عن إنجاز الإجراء. سيتحقق منه شخص آخر.
done-systemic-verify = تم التحقق من الإجراء.
systemic-board-title = الإجراءات التصحيحية المنهجية
systemic-board-intro = الإجراءات التي تغير سياسة أو ممارسة، إلى جانب الإجراءات التصحيحية للشكاوى الفردية. يعدّ «متأخر» الإجراءات المفتوحة في الفترة التي ما زالت مفتوحة بعد موعدها النهائي.
systemic-board-link = عرض كل الإجراءات التصحيحية المنهجية
systemic-board-opened = فُتحت
systemic-board-overdue = متأخرة الآن
systemic-board-completed = أُبلغ عن إنجازها
systemic-board-verified = تم التحقق منها
systemic-review-due = حان موعد مراجعة الإطار للفترة { $period }.
systemic-review-in-progress = مراجعة الإطار للفترة { $period } جارية، ولم تُعتمد بعد.
systemic-review-link = الذهاب إلى المراجعات
admin-settings-reviews = مراجعات الإطار
admin-settings-review_every = مراجعة الإطار كل
admin-settings-review_every-hint = عدد مرات مراجعة اللجنة للمنظمة وفق إطار الجودة. تعرض الصفحة الرئيسية لمجلس الإدارة موعد المراجعة المستحقة.
admin-review-every-quarter = ربع سنة (3 أشهر)
admin-review-every-half_year = نصف سنة (6 أشهر)
admin-review-every-year = سنة
admin-settings-review_year_start = تبدأ السنة في
admin-settings-review_year_start-hint = تُحسب الأرباع وأنصاف السنوات والسنوات ابتداءً من هذا الشهر.
admin-review-year-january = يناير
admin-review-year-april = أبريل
admin-error-review-every = اختر ربع سنة أو نصف سنة أو سنة.
admin-error-review-year-start = اختر يناير أو أبريل.
# Systemic events never reach a case's timeline; named here for completeness.
event-systemic-action-opened = فُتح إجراء منهجي
event-systemic-action-progressed = سُجل تقدم إجراء منهجي
event-systemic-action-completed = أُبلغ عن إنجاز إجراء منهجي
event-systemic-action-verified = تم التحقق من إجراء منهجي
staff-event-systemic-action-opened = فُتح إجراء منهجي
staff-event-systemic-action-progressed = سُجل تقدم إجراء منهجي
staff-event-systemic-action-completed = أُبلغ عن إنجاز إجراء منهجي
staff-event-systemic-action-verified = تم التحقق من إجراء منهجي
