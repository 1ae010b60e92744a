# مراجعات الامتثال لإطار الجودة: صفحات اللجنة والمجلس، والتقرير القابل للطباعة، والتصدير.
nav-reviews = مراجعات الإطار

review-list-title = مراجعات إطار الجودة
review-list-intro = تقيّم كل مراجعة إطار الجودة بندًا بندًا، في ضوء الأرقام التي يعطيها السجل عن فترة ما. تقيّم اللجنة كل بند، ويعتمد المجلس المراجعة.
review-list-none = لم تُفتح أي مراجعة بعد.
review-list-caption = جميع المراجعات، من أحدث فترة إلى أقدمها
review-col-period = الفترة
review-col-scope = النطاق
review-col-status = الحالة
review-col-opened = تاريخ الفتح
review-col-approved = تاريخ الاعتماد
review-scope-all = الإطار كله
review-area-unknown = بنود لم تعد في الإطار

review-status-new = غير مفتوحة
review-status-open = مفتوحة
review-status-submitted = مقدَّمة إلى المجلس
review-status-approved = معتمدة

review-open-title = فتح مراجعة
review-open-area-title = فتح مراجعة مجال لهذا البند
review-open-hint = تُحسب الأرقام من السجل كما هو عند فتح المراجعة، وتُحفظ معها.
review-open-kind = مدة الفترة
review-kind-quarter = ربع سنة
review-kind-half-year = نصف سنة
review-kind-year = سنة
review-open-kind-show = عرض الفترات بهذه المدة
review-open-legend = المراجعة
review-open-period = الفترة (مطلوبة)
review-period-option = { $label } (من { $from } إلى { $to })
review-open-area = النطاق
review-open-area-all = الإطار كله
review-open-submit = فتح المراجعة
review-open-origin = مراجعة المجال هذه متابعة للبند { $item } من مراجعة { $period }.
review-invalid-period = يُرجى اختيار إحدى الفترات المعروضة: فترة بدأت، ومتوافقة مع سنة المنظمة.

review-title = مراجعة الإطار
review-report-title = تقرير مراجعة الإطار
review-report-draft = مسودة: لم تُعتمد هذه المراجعة بعد.
review-fact-period = الفترة
review-fact-scope = النطاق
review-fact-status = الحالة
review-fact-opened = فُتحت
review-opened-by = { $name }، { $when }
review-fact-origin = فُتحت متابعةً لـ
review-origin = البند { $item } من مراجعة سابقة
review-fact-pinned = نقطة تحقق السجل
review-pinned-size = عدد القيود:
review-pinned-root = الجذر:
review-pinned-hint = حُسبت الأرقام أدناه من أول { $size } قيدًا في السجل، وجذر ميركل الخاص بها معروض أعلاه. يستطيع أي شخص لديه نسخة مصدَّرة من السجل أن يعالج هذه القيود ويتحقق من الجذر ويعيد حساب كل رقم بالأمر: recourse review recompute
review-fact-framework = الإطار
review-framework = الإصدار { $version }، بصمة الملف SHA-256 { $sha256 }
review-framework-unknown = الإصدار غير مسجَّل
review-fact-previous = مقارنةً بـ
review-previous-none = لا توجد مراجعة سابقة معتمدة بهذا النطاق.
review-final = هذه المراجعة معتمدة: إنها نهائية ولا تتغير أبدًا.
review-download = تنزيل
review-print = تقرير قابل للطباعة
review-download-csv = الأرقام والتقييمات (CSV)
review-download-json = المراجعة كاملة (JSON)
review-back = العودة إلى المراجعة
review-back-list = جميع مراجعات الإطار

review-item-figures = أرقام الفترة
review-col-measure = المقياس
review-col-value = القيمة
review-col-trend = المراجعة السابقة
review-see-cases = عرض الحالات
review-share = { $count } من { $of } ({ $pct } %)
review-share-empty = { $count } من { $of }
review-average = { $average } / 5 (عدد الإجابات: { $answers })
review-average-none = لا توجد إجابات
review-trend-up = ارتفع من { $value }
review-trend-down = انخفض من { $value }
review-trend-same = دون تغيير ({ $value })
review-trend-was = سابقًا { $value }
review-trend-new = لم يُقَس من قبل

review-measure-complaints = الشكاوى الواردة
review-measure-acknowledged-on-time = المُقَرّ باستلامها في الموعد
review-measure-decided-on-time = المبتوت فيها في الموعد
review-measure-decided = المبتوت فيها (أو المسحوبة)
review-measure-appeals = المستأنفة
review-measure-satisfaction = رضا العملاء
review-measure-explained = العملاء الذين وجدوا القرار مشروحًا
review-measure-fair = العملاء الذين وجدوا الإجراءات عادلة
review-measure-outsider-openings = فتح الملفات من موظفين خارج الحالة
review-measure-citing-right = الشكاوى التي تستند إلى الحق: { $right }
review-measure-recusals = التنحّي بسبب تضارب المصالح
review-measure-named-staff = الشكاوى التي تسمّي موظفًا
review-measure-actions-verified-on-time = الإجراءات التصحيحية المتحقَّق منها في الموعد
review-measure-systemic-verified-on-time = الإجراءات المنهجية المتحقَّق منها في الموعد
review-measure-tagged-complaints = الشكاوى المتعلقة بهذا البند
review-measure-tagged-findings = الاستنتاجات المتعلقة بهذا البند
review-measure-tagged-actions = الإجراءات التصحيحية لهذا البند
review-measure-tagged-systemic = الإجراءات المنهجية لهذا البند

review-rating = التقييم
review-rating-met = مستوفى
review-rating-partly-met = مستوفى جزئيًا
review-rating-not-met = غير مستوفى
review-rating-not-applicable = لا ينطبق
review-unrated = لم يُقيَّم بعد.
review-rated-by = قيّمه { $name }، { $when }
review-rated-times = عدد مرات التقييم: { $count }
review-reasons = الأسباب
review-previous = المراجعة السابقة
review-previous-rating = التقييم: { $rating }
review-previous-unrated = غير مقيَّم
review-attestations = الإفادات
review-attested-by = أفاد بها { $name }، { $when }
review-document = المستند المحفوظ: { $name } ({ $size } بايت، SHA-256 { $sha256 })
review-follow-ups = المتابعات
review-follow-up-systemic = إجراء منهجي: { $title }
review-follow-up-area = مراجعة مجال: { $review }
review-needs-follow-up = هذا البند مستوفى جزئيًا أو غير مستوفى: يحتاج إلى متابعة (إجراء منهجي أو مراجعة مجال) قبل تقديم المراجعة.
review-open-systemic = فتح إجراء منهجي لهذا البند
review-open-area-review = فتح مراجعة مجال لهذا البند

review-text-hint = يُحفظ نصًا واضحًا في السجل: اكتب عن المنظمة، ولا تكتب أبدًا عن عميل. { $limit } حرفًا على الأكثر.
review-rate-legend = تقييم هذا البند
review-rate-rating = التقييم (مطلوب)
review-rate-reasons = الأسباب (مطلوبة)
review-rate-submit = حفظ التقييم
review-attest-legend = إفادة لهذا البند
review-attest-hint = لما لا تُظهره بيانات السجل: تأمين ساري المفعول، تدريب مُقدَّم، خدمات مجانية.
review-attest-statement = نص الإفادة (مطلوب)
review-attest-submit = حفظ الإفادة

review-submit-title = التقديم إلى المجلس
review-submit-ready = كل بند مقيَّم ولكل قصور متابعة: يمكن تقديم المراجعة.
review-submit-blocked = لا يمكن تقديم المراجعة بعد:
review-blocker-unrated = { $item }: لم يُقيَّم بعد
review-blocker-follow-up = { $item }: مستوفى جزئيًا أو غير مستوفى، ولا متابعة له بعد
review-submit = تقديم المراجعة إلى المجلس

review-board-title = قرار المجلس
review-board-hint = اعتمد المراجعة، أو أعدها إلى اللجنة مع بيان ما يجب إعادة النظر فيه.
review-return-legend = الإعادة إلى اللجنة
review-comments-required = الملاحظات (مطلوبة)
review-return = إعادة المراجعة
review-approve-legend = الاعتماد
review-comments-optional = الملاحظات (اختيارية)
review-approve = اعتماد المراجعة

review-history = السجل الزمني
review-history-opened = فتحها { $name }
review-history-submitted = قدّمها إلى المجلس { $name }
review-history-returned = أعادها إلى اللجنة { $name }
review-history-approved = اعتمدها { $name }

review-cases-title = الحالات وراء رقم
review-cases-item = البند
review-cases-recorded = المسجَّل مع المراجعة
review-cases-now = حتى الآن
review-cases-note = تُسرد الحالات وفق السجل كما هو الآن؛ أما الرقم المسجَّل فهو وفق نقطة التحقق التي ثبّتتها المراجعة ({ $size } قيدًا)، فيختلفان إذا تغيرت حالات منذ ذلك الحين.
review-cases-none = لا توجد حالات.
review-cases-bad = حدّد البند والمقياس.

done-review-opened = فُتحت المراجعة.
done-review-rate = حُفظ التقييم.
done-review-attest = حُفظت الإفادة.
done-review-submit = قُدّمت المراجعة إلى المجلس.
done-review-return = أُعيدت المراجعة إلى اللجنة.
done-review-approve = اعتُمدت المراجعة.

# رفض القواعد للمراجعات والإجراءات المنهجية.
rule-not-now = مراجعة أو إجراء منهجي في حالة «{ $status ->
        [new] غير مفتوح
        [open] مفتوح
        [submitted] مقدَّم
        [approved] معتمد
        [completed] منجَز
        [verified] متحقَّق منه
       *[other] { $status }
    }» لا يقبل هذا: { $action ->
        [open-a-review] فتح مراجعة
        [rate-an-item] تقييم بند
        [attest] الإفادة
        [submit] التقديم
        [return] الإعادة
        [approve] الاعتماد
        [open-a-systemic-action] فتح إجراء منهجي
        [record-progress] تسجيل التقدم
        [complete-a-systemic-action] الإبلاغ بإنجاز إجراء منهجي
        [verify-a-systemic-action] التحقق من إجراء منهجي
       *[other] { $action }
    }.
rule-review-final = هذه المراجعة معتمدة: إنها نهائية ولا تتغير أبدًا.
rule-unrated = عدد البنود غير المقيَّمة بعد: { $count }. قيّم كل بند قبل التقديم.
rule-follow-up-needed = البند { $item } مستوفى جزئيًا أو غير مستوفى: افتح له أولًا إجراءً منهجيًا أو مراجعة مجال.
rule-not-in-scope = البند { $item } ليس ضمن هذه المراجعة.
rule-unknown-review = لا توجد مراجعة { $review }.
rule-own-work = يجب أن يقوم بهذا شخص آخر: { $what ->
        [approve-a-review-you-submitted] اعتماد مراجعة لم يقدّمها
        [verify-an-action-you-own-or-completed] التحقق من إجراء ليس مسؤولًا عنه ولم ينجزه
       *[other] { $what }
    }.
rule-forbidden-open-review = غير مسموح: الرئيس وحده يفتح مراجعة الإطار.
rule-forbidden-rate-item = غير مسموح: أعضاء اللجنة وحدهم يقيّمون بنود الإطار.
rule-forbidden-attest = غير مسموح: أعضاء اللجنة وحدهم يقدّمون الإفادات للمراجعة.
rule-forbidden-submit-review = غير مسموح: الرئيس وحده يقدّم المراجعة إلى المجلس.
rule-forbidden-board-review = غير مسموح: المجلس وحده يعيد المراجعة أو يعتمدها.
rule-forbidden-systemic-staff = غير مسموح: الموظفون وحدهم يعملون على الإجراءات المنهجية.
rule-forbidden-open-systemic = غير مسموح: الرئيس وحده يفتح إجراءً منهجيًا.
rule-forbidden-systemic-progress = غير مسموح: المسؤول عن الإجراء المنهجي أو الرئيس وحدهما يسجّلان التقدم فيه.
rule-forbidden-verify-systemic = غير مسموح: الرئيس أو المدقق وحدهما يتحققان من الإجراء المنهجي.
