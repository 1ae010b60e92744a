# board: ar
# العربية. DRAFTED BY AN AI ASSISTANT from the English (locales/en/board.ftl).
# Not reviewed: a fluent Arabic speaker must review it before the board relies on it.
# The board's dashboard. Plain language: board members are volunteers, not analysts.
# Variables in { $braces } are filled in by the page; keep them.
board-title = لوحة معلومات مجلس الإدارة
board-intro = تتعلق هذه الأرقام بالشكاوى التي استلمناها وبطريقة معالجتنا لها. ولا تُظهر أبدًا من قدّم الشكوى، ولا ما كتبه، ولا من عالج الملف.
board-period-legend = أيّ شكاوى؟
board-granularity = عرض الأرقام حسب
board-granularity-month = الشهر
board-granularity-quarter = الربع (3 أشهر)
board-granularity-year = السنة
board-from = اليوم الأول
board-to = اليوم الأخير
board-date-hint = السنة-الشهر-اليوم، مثلًا 2025-01-31.
board-show = عرض الأرقام
board-errors-title = يُرجى التحقق من الفترة
board-error-granularity = اختر الشهر أو الربع أو السنة.
board-error-from = أدخل اليوم الأول بصيغة السنة-الشهر-اليوم، مثلًا 2025-01-01.
board-error-to = أدخل اليوم الأخير بصيغة السنة-الشهر-اليوم، مثلًا 2025-12-31.
board-error-order = يجب أن يكون اليوم الأول قبل اليوم الأخير، أو اليوم نفسه.
board-error-too-long = لا يمكن أن تزيد الفترة على { $years ->
        [one] سنة واحدة
        [two] سنتين
        [few] { $years } سنوات
       *[other] { $years } سنة
    }. اختر فترة أقصر.
board-range = الشكاوى المستلمة من { $from } إلى { $to }.
board-cohort-note = تُحسب كل شكوى في الفترة التي استُلمت فيها، مع كل ما حدث لها منذ ذلك الحين. وتُحسب الإجراءات التصحيحية وحالات تضارب المصالح في الفترة التي وقعت فيها.
board-download = تنزيل هذه الأرقام
board-download-csv = جدول بيانات (CSV)
board-download-json = ملف بيانات (JSON)
board-show-table = عرض الأرقام في جدول
board-no-data = لا توجد بيانات
board-total = المجموع
board-partial = (جزء من الفترة)
board-pct = { $n }%
board-of = { $part } من { $whole }
board-out-of-5 = { $n } من 5
board-quarter-short = الربع { $n }
board-month-1 = يناير
board-month-2 = فبراير
board-month-3 = مارس
board-month-4 = أبريل
board-month-5 = مايو
board-month-6 = يونيو
board-month-7 = يوليو
board-month-8 = أغسطس
board-month-9 = سبتمبر
board-month-10 = أكتوبر
board-month-11 = نوفمبر
board-month-12 = ديسمبر
board-period-column = الفترة

# Key figures
board-key-title = باختصار
board-targets = أهدافنا: تأكيد استلام الشكوى خلال { $ack } من أيام العمل، وإصدار قرار خلال { $decide } من الأيام التقويمية.
board-key-received = الشكاوى المستلمة
board-key-open = ما زالت قيد المعالجة
board-key-decided = صدر فيها قرار
board-key-ack-on-time = أُكّد استلامها في الوقت المحدد
board-key-decided-on-time = صدر قرارها في الوقت المحدد
board-key-overdue = إجراءات تصحيحية متأخرة
board-key-rating = متوسط الرضا

# Section headings
board-section-volumes = كم عدد الشكاوى
board-section-timeliness = ما مدى سرعة ردّنا
board-section-outcomes = ماذا قررنا
board-section-topics = عمّ تتحدث الشكاوى
board-section-satisfaction = رأي العملاء
board-section-safeguards = الإنصاف والخصوصية
board-section-breakdowns = تفاصيل حسب البرنامج والمكان والعميل

# Charts: title (figure caption) and a sentence saying how to read it
board-chart-volumes = الشكاوى المستلمة والتي ما زالت مفتوحة، حسب الفترة
board-chart-volumes-read = كل زوج من الأعمدة يمثّل فترة واحدة. الأعمدة المصمتة: الشكاوى المستلمة. الأعمدة المخططة: ما زال منها قيد المعالجة اليوم.
board-series-received = المستلمة
board-series-open = ما زالت مفتوحة
board-chart-timeliness = نسبة الشكاوى التي عولجت ضمن أهدافنا
board-chart-timeliness-read = كلما ارتفعت كان أفضل. 100% تعني أن كل الشكاوى حققت الهدف.
board-series-ack-on-time = أُكّد استلامها ضمن الهدف
board-series-decided-on-time = صدر قرارها ضمن الهدف
board-chart-ack-days = أيام العمل حتى تأكيد استلام الشكوى
board-chart-ack-days-read = الشكوى المعتادة (الوسيط) والعُشر الأبطأ (9 من كل 10 شكاوى كانت أسرع). الخط المنقّط هو هدفنا.
board-chart-decide-days = الأيام حتى إصدار القرار
board-chart-decide-days-read = الشكوى المعتادة (الوسيط) والعُشر الأبطأ (9 من كل 10 شكاوى كانت أسرع). الخط المنقّط هو هدفنا.
board-series-median = المعتاد (الوسيط)
board-series-p90 = 9 من كل 10 خلال
board-series-target = الهدف: { $n }
board-chart-outcomes = القرارات حسب النتيجة
board-chart-outcomes-read = الشكاوى المستلمة في الفترة، حسب القرار الساري اليوم.
board-outcome-upheld = مقبولة: العميل كان على حق
board-outcome-partly_upheld = مقبولة جزئيًا
board-outcome-not_upheld = غير مقبولة
board-outcome-resolved_early = حُلّت مبكرًا بالاتفاق
board-outcome-referred_out_of_scope = أُحيلت إلى منظمة أخرى
board-outcome-withdrawn = سحبها العميل
board-chart-actions = الإجراءات التصحيحية: التغييرات التي وعدنا بها
board-chart-actions-read = ما فُتح أو تم التحقق من إنجازه أو أُعفي منه خلال الفترة. المتأخرة: لم تُنجز بعد رغم مرور موعد استحقاقها.
board-actions-opened = فُتحت
board-actions-verified = تم التحقق من إنجازها
board-actions-waived = أُعفي منها (لم تعد لازمة)
board-actions-overdue = متأخرة
board-chart-rights = حقوق العملاء المعنية
board-chart-rights-read = الشكاوى المتعلقة بكل حق من حقوق ميثاق حقوق العملاء في الخدمات. قد تتعلق الشكوى الواحدة بعدة حقوق.
board-chart-areas = مجالات إطار الجودة المعنية
board-chart-areas-read = الشكاوى المتعلقة بكل مجال من مجالات إطار الجودة. قد تتعلق الشكوى الواحدة بعدة مجالات.
board-unknown-area = غير موجود في الإطار الحالي
board-chart-satisfaction = رضا العملاء
board-chart-satisfaction-read = بناءً على إجابات العملاء بعد صدور القرار (عدد الإجابات: { $n }).
board-satisfaction-rating = متوسط التقييم
board-satisfaction-explained = قالوا إن القرار شُرح لهم
board-satisfaction-fair = قالوا إن الإجراءات كانت عادلة
board-chart-rates = الاستئنافات والشكاوى المعاد فتحها
board-chart-rates-read = الاستئنافات: نسبة الشكاوى التي صدر فيها قرار واستأنفها العميل. المعاد فتحها: نسبة الشكاوى التي صدر فيها قرار أو سُحبت ثم فُتحت من جديد.
board-rate-appeal = مُستأنَفة
board-rate-reopen = أُعيد فتحها
board-chart-recusals = حالات تضارب المصالح المُعلنة، حسب الفترة
board-chart-recusals-read = كل مرة تنحّى فيها عضو في اللجنة عن ملف بسبب تضارب في المصالح.
board-series-recusals = حالات التضارب المُعلنة
board-chart-privacy = العملاء المجهولو الهوية والوصول إلى البيانات الشخصية
board-chart-privacy-read = العملاء المجهولو الهوية الذين عادوا باستخدام رمز الإيصال؛ وعدد المرات التي فتح فيها موظفون لا علاقة لهم بالملف بياناته الشخصية (كل فتح مسجَّل).
board-privacy-returned = عملاء مجهولو الهوية عادوا
board-privacy-outsider = مرات فتح البيانات الشخصية من موظفين من خارج الملف
board-privacy-erased = شكاوى مُحيت بياناتها الشخصية

# Breakdown tables
board-breakdowns-intro = على مدى الفترة كلها. قد تُحسب الشكوى الواحدة تحت عدة حقوق أو مجالات في الإطار.
board-dim-program = حسب البرنامج
board-dim-site = حسب المكان
board-dim-service_stream = حسب نوع الخدمة
board-dim-channel = حسب طريقة وصول الشكوى
board-dim-language = حسب لغة العميل
board-dim-right = حسب حق العميل
board-dim-framework_area = حسب مجال إطار الجودة
board-col-name = الاسم
board-col-received = المستلمة
board-col-open = ما زالت مفتوحة
board-col-ack-on-time = أُكّد استلامها في الوقت المحدد
board-col-decided-on-time = صدر قرارها في الوقت المحدد
board-col-median-decide = الأيام المعتادة حتى القرار
board-col-appeal-rate = مُستأنَفة
board-col-actions = الإجراءات التصحيحية المفتوحة
board-col-rating = متوسط الرضا
board-breakdown-empty = لا توجد شكاوى في هذه الفترة.
board-suppressed = غير معروض
board-fewer-than = أقل من { $n }
board-suppressed-note = لحماية خصوصية العملاء، لا تُعرض أي مجموعة فيها أقل من { $n } شكاوى، ولا أي رقم من أرقامها. وحيث يكون مجموع المجموعات هو الإجمالي (البرامج، الأماكن، أنواع الخدمة، طرق وصول الشكاوى، اللغات)، تُخفى معها مجموعات أخرى عند الحاجة حتى لا يمكن استنتاجها من الإجمالي.
board-unspecified = غير محدد
board-channel-web = نموذج الموقع
board-channel-phone = الهاتف
board-channel-in_person = حضوريًا
board-channel-email = البريد الإلكتروني
board-channel-referral = إحالة
board-col-acknowledged = أُكّد استلامها
board-col-responses = الإجابات
board-col-share = النسبة
board-col-appealed = مُستأنَفة (شكاوى)
board-col-reopened = أُعيد فتحها (شكاوى)
board-col-anonymous = شكاوى بدون اسم
board-col-views = مرات فتح البيانات الشخصية
board-col-outsider-views = من موظفين من خارج الملف
