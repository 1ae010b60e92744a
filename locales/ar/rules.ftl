# رفض القواعد: لماذا رفضت القواعد إجراءً (المعرّفات نفسها في الصفحات وفي واجهة البرمجة).
rule-forbidden = غير مسموح: { $why }
rule-forbidden-audit-view = غير مسموح: الاطلاع لأغراض التدقيق مقصور على المدققين ورئيس اللجنة.
rule-forbidden-client-audience = غير مسموح: يكتب العملاء إلى اللجنة عبر الرسائل الموجّهة إلى العملاء.
rule-forbidden-comment = غير مسموح: التعليقات على الملف من حق العميل وحده.
rule-forbidden-erase = غير مسموح: تسجّل المنظمة المحو بعد إتلاف مفتاح البيانات.
rule-forbidden-admin = غير مسموح: لا يغيّر إعدادات المنظمة إلا مسؤول.
rule-forbidden-open = غير مسموح: لا يفتح ملفات الشكاوى إلا أعضاء اللجنة والمدققون.
rule-forbidden-acknowledge = غير مسموح: لا يؤكد استلام الشكاوى إلا موظفو الاستقبال أو رئيس اللجنة.
rule-forbidden-route = غير مسموح: لا يحيل الشكاوى إلا موظفو الاستقبال أو رئيس اللجنة.
rule-forbidden-triage = غير مسموح: لا يفرز الشكاوى إلا موظفو الاستقبال أو رئيس اللجنة.
rule-forbidden-file = غير مسموح: لا يقدّم الشكاوى نيابةً عن العملاء إلا موظفو الاستقبال.
rule-forbidden-refused-view = غير مسموح: لا تُسجَّل إلا محاولات الموظفين لفتح ملف.
rule-forbidden-update-action = غير مسموح: لا يحدّث الإجراء إلا صاحبه أو رئيس اللجنة.
rule-forbidden-decide-appeal = غير مسموح: لا يبتّ في الاستئناف إلا المراجع المكلَّف به.
rule-forbidden-assign-appeal = غير مسموح: لا يكلّف بالاستئنافات إلا رئيس اللجنة.
rule-forbidden-close = غير مسموح: لا يغلق القضايا إلا رئيس اللجنة.
rule-forbidden-reopen = غير مسموح: لا يعيد فتح القضايا إلا رئيس اللجنة.
rule-forbidden-verify-action = غير مسموح: لا يتحقق من الإجراءات التصحيحية إلا رئيس اللجنة.
rule-forbidden-waive-action = غير مسموح: لا يعفي من الإجراءات التصحيحية إلا رئيس اللجنة.
rule-forbidden-add-information = غير مسموح: لا يضيف معلومات إلى الشكوى إلا صاحبها.
rule-forbidden-appeal = غير مسموح: لا يستأنف إلا العميل.
rule-forbidden-request-erasure = غير مسموح: لا يطلب المحو إلا العميل؛ أما المحو بانتهاء مدة الحفظ فيتم تلقائيًا.
rule-forbidden-withdraw = غير مسموح: لا يسحب الشكوى إلا العميل، أو موظفو الاستقبال أو رئيس اللجنة بناءً على طلبه.
rule-forbidden-satisfaction = غير مسموح: الرضا يعبّر عنه العميل وحده.
rule-forbidden-recuse = غير مسموح: يتنحّى الموظفون بأنفسهم؛ ولا يسجّل التنحّي عن غيره إلا رئيس اللجنة.
rule-forbidden-verify-own-action = غير مسموح: لا يستطيع صاحب الإجراء التحقق منه؛ يجب أن يتحقق منه رئيس آخر.
rule-forbidden-web-filing = غير مسموح: الشكاوى عبر الإنترنت تأتي من النموذج؛ ويقدّم الموظفون الشكاوى الواردة بالهاتف أو حضوريًا أو بالبريد الإلكتروني أو بالإحالة.
rule-forbidden-pause = غير مسموح: لا يوقف المهلة إلا موظفو الاستقبال أو المراجع المكلَّف أو رئيس اللجنة.
rule-forbidden-resume = غير مسموح: لا يستأنف المهلة إلا موظفو الاستقبال أو المراجع المكلَّف أو رئيس اللجنة.
rule-forbidden-message = غير مسموح: لا يكتب في القضية إلا موظفو الاستقبال أو المراجع المكلَّف أو رئيس اللجنة.
rule-forbidden-evidence = غير مسموح: لا يضيف المستندات إلا موظفو الاستقبال أو المراجع المكلَّف أو رئيس اللجنة أو العميل.
rule-forbidden-finding = غير مسموح: لا يسجّل النتائج إلا المراجع المكلَّف أو رئيس اللجنة.
rule-forbidden-decide = غير مسموح: لا يصدر القرار إلا المراجع المكلَّف أو رئيس اللجنة.
rule-forbidden-open-action = غير مسموح: لا يفتح الإجراءات التصحيحية إلا المراجع المكلَّف أو رئيس اللجنة.
rule-conflicted = لدى الموظف { $staff } تضارب مصالح في هذه القضية (مذكور فيها، أو متنحٍّ عنها).
rule-took-part-in-decision = شارك الموظف { $staff } في القرار محل الاستئناف.
rule-wrong-state = القضية { $status ->
        [filed] المستلمة
        [acknowledged] المؤكَّدة
        [under-review] قيد الدراسة
        [decided] المبتوت فيها
        [under-appeal] قيد الاستئناف
        [closed] المغلقة
        [withdrawn] المسحوبة
        [erased] الممحوّة
       *[other] في حالة «{ $status }»
    } لا تقبل هذا الإجراء: { $action ->
        [file-a-complaint] تقديم شكوى
        [acknowledge] تأكيد الاستلام
        [triage] الفرز
        [assign-a-reviewer] تكليف مراجع
        [recuse] التنحّي
        [post-a-message] إرسال رسالة
        [add-evidence] إضافة مستند
        [open-the-file] فتح الملف
        [record-a-refused-opening] تسجيل محاولة فتح مرفوضة
        [record-a-finding] تسجيل نتيجة
        [issue-a-decision] إصدار قرار
        [open-a-corrective-action] فتح إجراء تصحيحي
        [update-a-corrective-action] تحديث إجراء تصحيحي
        [complete-a-corrective-action] إتمام إجراء تصحيحي
        [verify-a-corrective-action] التحقق من إجراء تصحيحي
        [waive-a-corrective-action] الإعفاء من إجراء تصحيحي
        [comment-on-the-file] التعليق على الملف
        [add-information] إضافة معلومات
        [appeal] الاستئناف
        [assign-an-appeal-reviewer] تكليف مراجع للاستئناف
        [decide-the-appeal] البتّ في الاستئناف
        [pause-the-clock] إيقاف المهلة
        [resume-the-clock] استئناف المهلة
        [record-satisfaction] تسجيل الرضا
        [close] الإغلاق
        [reopen] إعادة الفتح
        [withdraw] سحب الشكوى
        [request-erasure] طلب المحو
        [erase-personal-data] محو البيانات الشخصية
        [open-a-corrective-action-before-a-finding] فتح إجراء تصحيحي قبل تسجيل نتيجة
       *[other] { $action }
    }.
rule-no-finding = سجّل نتيجةً قبل إصدار القرار.
rule-actions-outstanding = { $count ->
        [one] ما زال إجراء تصحيحي واحد مفتوحًا: تحقّق منه أو أعفِ منه (مع ذكر الأسباب) قبل إغلاق القضية.
        [two] ما زال إجراءان تصحيحيان مفتوحين: تحقّق منهما أو أعفِ منهما (مع ذكر الأسباب) قبل إغلاق القضية.
        [few] ما زالت { $count } إجراءات تصحيحية مفتوحة: تحقّق منها أو أعفِ منها (مع ذكر الأسباب) قبل إغلاق القضية.
       *[other] ما زال { $count } إجراءً تصحيحيًا مفتوحًا: تحقّق منها أو أعفِ منها (مع ذكر الأسباب) قبل إغلاق القضية.
    }
rule-appeal-window-closed = انتهت مهلة الاستئناف في { $date }.
rule-unknown-staff = الموظف { $staff } غير معروف أو غادر.
rule-not-reviewer = الموظف { $staff } ليس مراجعًا ولا رئيسًا للجنة.
rule-unknown-action = لا يوجد إجراء تصحيحي { $action } في هذه القضية.
rule-restricted = هذه القضية مقيّدة: لا يستطيع فتح ملفها إلا المراجع المكلَّف بها ورئيس اللجنة وموظفو الاستقبال. تم تسجيل محاولتك.
rule-erased = مُحيت البيانات الشخصية لهذه القضية.
rule-last-administrator = يجب أن تحتفظ المنظمة بمسؤول واحد على الأقل.
rule-invalid = { $field }: قيمة مرفوضة ({ $reason })
# المراجعات والإجراءات التصحيحية المنهجية (مشتركة بين الصفحتين).
rule-not-now = لا يمكن فعل هذا الآن: { $action ->
        [open-a-review] فتح مراجعة
        [rate-an-item] تقييم بند
        [attest] الإقرار
        [submit] التقديم
        [return] الإرجاع
        [approve] الاعتماد
        [open-a-systemic-action] فتح إجراء منهجي
        [record-progress] تسجيل التقدم
        [complete-a-systemic-action] الإبلاغ عن إنجازه
        [verify-a-systemic-action] التحقق منه
       *[other] { $action }
    }، والحالة: { $status ->
        [new] لم يُفتح بعد
        [open] مفتوح
        [submitted] مقدَّم إلى مجلس الإدارة
        [approved] معتمد
        [completed] أُبلغ عن إنجازه وينتظر التحقق
        [verified] تم التحقق منه
       *[other] { $status }
    }.
rule-own-work = يجب أن يفعل هذا شخص آخر: لا يمكنك { $what ->
        [verify-an-action-you-own-or-completed] التحقق من إجراء أنت مسؤول عنه أو أبلغت عن إنجازه
        [approve-a-review-you-submitted] اعتماد مراجعة قدمتها
       *[other] { $what }
    }.
rule-unknown-review = لا توجد مراجعة { $review }.
rule-not-in-scope = البند { $item } ليس جزءًا من هذه المراجعة.
