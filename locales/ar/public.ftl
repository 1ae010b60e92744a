# public: ar
# العربية (الفصحى المبسّطة). DRAFTED BY AN AI ASSISTANT from the English (locales/en/public.ftl),
# including the Client Code rights (right-*) and service streams (stream-*) at the end, translated
# from projections/data/client-code.toml and service-streams.toml.
# Not reviewed: these pages are read by clients, some of them afraid. A fluent Arabic speaker
# (ideally one who works with newcomers) must review every message before use with clients.
# Public pages: landing, complaint form, receipt, tracking. Plain language: short sentences.
landing-title = قدِّم شكوى بأمان
landing-lead = إذا حدثت مشكلة في خدمة تلقيتها منّا، يمكنك أن تخبرنا. سندرس الأمر ونردّ عليك.
landing-start = تقديم شكوى
landing-track = متابعة شكواي
landing-safe-title = تقديم الشكوى آمن لك
landing-safe-anonymous = ليس عليك أن تذكر اسمك.
landing-safe-no-reprisal = تقديم الشكوى لن يغيّر أبدًا الخدمات التي تتلقاها.
landing-safe-private = كلامك محميّ بمفتاح. لا يستطيع قراءته إلا الأشخاص الذين يعالجون شكواك، وكل مرة يقرؤونه يُسجَّل ذلك.
landing-safe-language = يمكنك الكتابة بلغتك وطلب مترجم فوري.
landing-steps-title = ماذا يحدث بعد ذلك
landing-step-1 = تخبرنا بما حدث. يستغرق ذلك نحو 10 دقائق.
landing-step-2 = تحصل على رمز إيصال. احتفظ به: فهو الطريقة الوحيدة لمتابعة شكواك إذا لم تذكر اسمك.
landing-step-3 = نؤكّد استلام شكواك خلال { $days ->
        [one] يوم عمل واحد
        [two] يومَي عمل
        [few] { $days } أيام عمل
       *[other] { $days } يوم عمل
    }، ويدرسها شخص لم يكن طرفًا في ما حدث.
landing-step-4 = نعطيك قرارًا مع أسبابه. إذا لم توافق عليه، يمكنك الاستئناف.
landing-rights-title = حقوقك بصفتك عميلًا
landing-rights-intro = هذه الحقوق مأخوذة من «ميثاق حقوق العملاء في الخدمات» الصادر عن المجلس الكندي للاجئين. يمكنك أن تذكر الحقوق التي تتعلق بها شكواك.
complain-title = تقديم شكوى
complain-title-errors = تقديم شكوى: يُرجى مراجعة إجاباتك
steps-label = الخطوات
step-1 = ماذا حدث
step-2 = حقوقك وما تريده
step-3 = كيف نتواصل معك
step-4 = المراجعة والإرسال
error-summary = يُرجى مراجعة هذه الإجابات
field-what = ماذا حدث؟
field-what-hint = اذكر ما حدث، ومتى، وأين. استخدم كلماتك ولغتك.
field-program = ما الخدمة؟
field-site = أين؟
field-stream = ما نوع المساعدة التي كنت تتلقاها؟
field-optional = يمكنك ترك هذا فارغًا.
dont-know = لا أعرف
choose = اختر
field-rights = أيّ حقوقك لم تُحترم؟
field-rights-hint = يمكنك ألّا تختار شيئًا، أو أن تختار حقًا واحدًا أو أكثر.
field-outcome = ماذا تريد أن يحدث؟
field-outcome-hint = مثلًا: اعتذار، أو مترجم فوري في المرة القادمة، أو تغيير في طريقة العمل.
field-identity = هل تريد ذكر اسمك؟
field-identity-hint = إذا لم تذكر اسمك، فلن تستطيع متابعة شكواك إلا برمز الإيصال.
identity-named = نعم، سأذكر اسمي
identity-anonymous = لا، لا أريد ذكر اسمي
field-name = اسمك
field-name-hint = لن يراه إلا الأشخاص الذين يعالجون شكواك.
field-contact = كيف يمكننا التواصل معك؟
contact-none = لا تتواصلوا معي. سأتابع شكواي برمز الإيصال.
contact-email = بالبريد الإلكتروني
contact-phone = بمكالمة هاتفية
contact-text_message = برسالة نصية
contact-in_person = شخصيًا
field-email = عنوان البريد الإلكتروني
field-phone = رقم الهاتف
field-accommodations = هل تحتاج إلى مساعدة للمشاركة؟
accommodation-interpreter = مترجم فوري
accommodation-accessible_format = خط كبير، أو تسجيل صوتي، أو شكل آخر
accommodation-support_person = شخص يرافقني لدعمي
accommodation-flexible_meeting = مواعيد في وقت آخر، أو بالهاتف أو بالفيديو
field-interpreter = مترجم فوري لأيّ لغة؟
consent-title = موافقتك
consent-explain = نستخدم ما تخبرنا به فقط لمعالجة شكواك. وهو محميّ بمفتاح لا يستطيع استخدامه إلا الأشخاص الذين يعالجون شكواك. يمكنك أن تطلب منّا محوه في أي وقت.
consent-handle = أوافق على أن تستخدم المنظمة هذه المعلومات لمعالجة شكواي.
consent-contact = أوافق على التواصل معي بالطريقة التي اخترتها.
summary-none = (لا شيء)
button-next = متابعة
button-back = رجوع
button-send = إرسال شكواي
error-what = يُرجى ذكر ما حدث.
error-too-long = النص طويل جدًا. يُرجى اختصاره.
error-program = يُرجى اختيار الخدمة.
error-site = يُرجى اختيار المكان.
error-email = يُرجى إدخال عنوان بريد إلكتروني، مثل name@example.com.
error-phone = يُرجى إدخال رقم هاتف.
error-interpreter = يُرجى اختيار لغة المترجم الفوري.
error-language = يُرجى اختيار إحدى اللغات المتاحة.
error-one-line = يُرجى كتابة هذا في سطر واحد.
error-name = يُرجى ذكر اسمك، أو اختيار عدم ذكر الاسم، أو اختيار عدم التواصل معك.
error-consent = نحتاج إلى موافقتك لمعالجة الشكوى.
error-consent-contact = لكي نتواصل معك، نحتاج إلى موافقتك. أو اختر عدم التواصل معك.
receipt-title = استلمنا شكواك
receipt-lead = شكرًا لك. شكواك مسجّلة.
receipt-code = رمز الإيصال الخاص بك
receipt-keep = احتفظ بهذا الرمز في مكان آمن. لن نعرضه مرة أخرى أبدًا، ولا نستطيع استرجاعه.
receipt-copy = نسخ الرمز
receipt-copied = تم النسخ
receipt-print = طباعة
receipt-save = حفظ في ملف
receipt-next-title = ماذا يحدث الآن
receipt-next = سنؤكّد خلال { $days ->
        [one] يوم عمل واحد
        [two] يومَي عمل
        [few] { $days } أيام عمل
       *[other] { $days } يوم عمل
    } أننا ندرس شكواك. بهذا الرمز يمكنك متابعة شكواك، وإضافة معلومات، والرد على أسئلتنا، وقراءة قرارنا.
receipt-file-title = إيصال الشكوى
receipt-file-keep = احتفظ بهذا الرمز في مكان آمن. فهو الطريقة الوحيدة لمتابعة شكواك إذا لم تذكر اسمك.
receipt-file-how = لمتابعة شكواك، افتح موقع الشكاوى، واختر «متابعة شكواي»، ثم أدخل هذا الرمز.
witness-names-separator = { "، " }
witness-countersigned-one = سجلّ شكواك مُصادَق عليه من { $names } (جهة مستقلة تحتفظ بنسخة من البصمة الرقمية للسجلّ، فلا يمكن تغييره دون أن تلاحظ ذلك).
witness-countersigned-many = سجلّ شكواك مُصادَق عليه من { $names } (جهات مستقلة تحتفظ بنسخة من البصمة الرقمية للسجلّ، فلا يمكن تغييره دون أن تلاحظ ذلك).
witness-countersigning-one = سيصادق { $names } على سجلّ شكواك خلال دقائق (جهة مستقلة تحتفظ بنسخة من البصمة الرقمية للسجلّ، فلا يمكن تغييره دون أن تلاحظ ذلك).
witness-countersigning-many = سيصادق { $names } على سجلّ شكواك خلال دقائق (جهات مستقلة تحتفظ بنسخة من البصمة الرقمية للسجلّ، فلا يمكن تغييره دون أن تلاحظ ذلك).
track-title = متابعة شكواي
track-intro = أدخل رمز الإيصال الذي حصلت عليه عند تقديم شكواك.
track-code = رمز الإيصال
track-code-hint = 20 حرفًا ورقمًا، مثل 7K2Q-9MXD-4RTA-PZ3C-W8NE. يمكنك لصقه.
track-submit = عرض شكواي
track-not-found = لم نجد أي شكوى بهذا الرمز. تحقق من الرمز وحاول مرة أخرى.
track-case-title = شكواك
track-status = أين وصلت الآن:
track-timeline = ما حدث حتى الآن
track-by-you = أنت
track-send = إرسال
track-empty = يُرجى كتابة شيء أولًا.
track-rating = يُرجى اختيار رقم من 1 إلى 5.
track-confirm-needed = يُرجى وضع علامة في المربع للتأكيد.
track-info-title = إضافة معلومات
track-info-label = ماذا تريد أن تضيف؟
track-message-title = الكتابة إلى الأشخاص الذين يعالجون شكواك
track-message-label = رسالتك
track-appeal-title = استئناف القرار
track-appeal-explain = إذا كنت ترى أن القرار خاطئ أو غير عادل، يمكنك أن تطلب أن يراجعه شخص لم يكن طرفًا فيه.
track-appeal-label = لماذا لا توافق على القرار؟
track-appeal-submit = إرسال الاستئناف
track-satisfaction-title = أخبرنا برأيك في عملنا
track-explained = هل شُرح لك القرار بوضوح؟
track-fair = هل كانت الإجراءات عادلة؟
track-rating-label = بشكل عام، ما مدى رضاك؟ (من 1 إلى 5)
track-rating-1 = غير راضٍ أبدًا
track-rating-5 = راضٍ جدًا
track-comment-title = التعليق على ملفك
track-comment-explain = من حقك أن تضيف تعليقاتك إلى ملفك. وستبقى فيه.
track-comment-label = تعليقك
track-withdraw-title = سحب شكواي
track-withdraw-confirm = أريد سحب شكواي.
track-withdraw-submit = سحب
track-erase-title = محو معلوماتي الشخصية
track-erase-explain = سنُتلف المفتاح الذي يحمي ما أخبرتنا به. بعد ذلك لن يستطيع أحد قراءته، ولا حتى نحن. يبقى سجلّ يبيّن أن شكوى قُدِّمت، ولكن بدون معلوماتك. لا يمكن التراجع عن ذلك.
track-erase-confirm = أفهم ذلك. امحوا معلوماتي الشخصية.
track-erase-submit = محو معلوماتي
status-filed = تم الاستلام
status-filed-hint = استلمنا شكواك وسنؤكّد ذلك قريبًا.
status-acknowledged = تم التأكيد
status-acknowledged-hint = أكّدنا استلام شكواك، وسنختار من سيدرسها.
status-under-review = قيد الدراسة
status-under-review-hint = شخص لم يكن طرفًا في ما حدث يدرس شكواك.
status-decided = صدر القرار
status-decided-hint = اتخذنا قرارًا. يمكنك قراءته أدناه. إذا لم توافق عليه، يمكنك الاستئناف.
status-under-appeal = الاستئناف قيد المراجعة
status-under-appeal-hint = شخص لم يشارك في القرار يراجع استئنافك.
status-closed = مغلقة
status-closed-hint = أُغلقت شكواك. لا يزال بإمكانك التعليق على ملفك، أو الاستئناف خلال المدة المسموح بها.
status-withdrawn = مسحوبة
status-withdrawn-hint = لقد سحبت شكواك.
status-erased = مُحيت المعلومات الشخصية
status-erased-hint = مُحيت معلوماتك الشخصية. يبقى سجلّ يبيّن أن شكوى قُدِّمت.
event-complaint-filed = قدّمت شكواك
event-complaint-acknowledged = أكّدنا أننا استلمناها
event-message-posted = رسالة
event-evidence-added = أُضيفت وثيقة
event-decision-issued = القرار
event-complainant-commented = تعليق على ملفك
event-information-added = أُضيفت معلومات
event-appeal-filed = أُرسل الاستئناف
event-appeal-decided = صدر قرار الاستئناف
event-clock-paused = ننتظر معلومات منك
event-clock-resumed = استأنفنا العمل على شكواك
event-satisfaction-recorded = أخبرتنا برأيك في عملنا
event-case-closed = أُغلقت الشكوى
event-case-reopened = أُعيد فتح الشكوى
event-complaint-withdrawn = سُحبت الشكوى
event-erasure-requested = طلبت محو معلوماتك
event-personal-data-erased = مُحيت المعلومات الشخصية
outcome-upheld = الشكوى مقبولة (كنت على حق)
outcome-partly_upheld = الشكوى مقبولة جزئيًا
outcome-not_upheld = الشكوى غير مقبولة
outcome-resolved_early = حُلّت بالاتفاق
outcome-referred_out_of_scope = أُحيلت إلى منظمة أخرى تستطيع معالجتها
outcome-withdrawn = سُحبت
appeal-outcome-confirmed = القرار باقٍ كما هو
appeal-outcome-varied = عُدِّل القرار
appeal-outcome-overturned = أُلغي القرار
text-narrative = ما أخبرتنا به
text-outcome_wanted = ما كنت تريده
text-body = الرسالة
text-reasons = الأسباب
text-remedy = ما سنفعله
text-text = النص
text-grounds = أسبابك
text-note = ملاحظة
text-reason = السبب
text-erased = (ممحوّ)
done-info = أُضيفت معلوماتك.
done-comment = أُضيف تعليقك إلى ملفك.
done-message = أُرسلت رسالتك.
done-appeal = أُرسل استئنافك.
done-satisfaction = شكرًا لأنك أخبرتنا.
done-withdraw = سُحبت شكواك.
done-erased = مُحيت معلوماتك الشخصية.

# Client Code of Service Rights (projections/data/client-code.toml), translated from `title` / `plain`.
right-respect = الاحترام، بدون تمييز أو تحرّش
right-respect-plain = يجب أن تُعامَل باحترام وثقة. لا يجوز لأحد هنا أن يعاملك بظلم أو أن يتحرّش بك بسبب هويتك.
right-privacy = الخصوصية والسرّية
right-privacy-plain = ما تخبرنا به يبقى خاصًا. أنت تختار ما تخبرنا به، ومتى.
right-confidentiality-limits = حدود السرّية
right-confidentiality-limits-plain = في حالات قليلة يجب على الموظفين مشاركة معلومات: للإبلاغ عن إساءة معاملة طفل، أو عندما تأمر المحكمة بذلك، أو لمنع إلحاق الأذى بشخص ما.
right-file = الاطلاع على ملفك والتعليق عليه
right-file-plain = نحتفظ بملف عنك. يمكنك أن تطلب قراءته. إذا لم توافق على شيء فيه، يمكنك إضافة تعليقاتك.
right-own-decisions = أنت من يتخذ قراراتك
right-own-decisions-plain = أنت تقرّر ما تحتاجه وما أهدافك. نحن نساعد، لكن القرار لك.
right-refuse-or-change = رفض خدمة أو طلب شخص آخر
right-refuse-or-change-plain = يمكنك رفض أي خدمة في أي وقت. ويمكنك أيضًا أن تطلب أن يساعدك شخص آخر.
right-information = معلومات صحيحة وكاملة وفي الوقت المناسب
right-information-plain = يجب أن تكون المعلومات التي نعطيك إياها صحيحة وكاملة، وأن تصلك في الوقت المناسب لتستفيد منها.
right-complaint = إجراءات شكوى آمنة وعادلة وواضحة
right-complaint-plain = إذا شعرت أن حقوقك لم تُحترم، يمكنك تقديم شكوى. يجب أن تكون الإجراءات آمنة لك وعادلة، وواضحة بشأن ما يحدث.

# Service streams (projections/data/service-streams.toml), translated from `title`.
stream-needs-assessment = تقييم الاحتياجات والإحالة
stream-information-orientation = المعلومات والتوجيه
stream-language-assessment = تقييم اللغة
stream-language-training = تعليم اللغة
stream-employment = خدمات متعلقة بالعمل
stream-community-connections = التواصل مع المجتمع
stream-support-services = خدمات الدعم
stream-indirect-services = خدمات غير مباشرة
stream-resettlement-assistance = برنامج مساعدة إعادة التوطين (RAP)

## external bodies (landing page)
landing-elsewhere-title = جهات أخرى يمكنك اللجوء إليها
landing-elsewhere-intro = تقديم شكوى هنا لا يمنعك من التوجه أيضًا إلى أيٍّ من هذه الجهات، قبل الشكوى أو أثناءها أو بعدها. وهي جهات مستقلة عنّا.
external-human-rights-tribunal = إذا عوملت معاملة غير عادلة بسبب عرقك أو بلدك الأصلي أو دينك أو إعاقتك أو جنسك أو لسبب آخر يذكره قانون حقوق الإنسان في أونتاريو، يمكنك تقديم طلب إليها. ويقدّم مركز الدعم القانوني لحقوق الإنسان مساعدة مجانية.
external-ombudsman = إذا كانت شكواك تتعلق بوزارة أو برنامج تابع لحكومة أونتاريو ولم تحلّها إجراءات الشكاوى الخاصة به، يمكن لأمين المظالم النظر فيها. وذلك مجاني.
external-immigration-consultants = إذا كانت شكواك تتعلق بمستشار هجرة أو جنسية مرخّص، فإن الهيئة التي تمنحه الترخيص تتلقى الشكاوى.
external-law-society = إذا كانت شكواك تتعلق بمحامٍ أو مساعد قانوني في أونتاريو، فإن نقابة المحامين تتلقى الشكاوى بشأنهم.
external-privacy-commissioner = إذا كنت تعتقد أن معلوماتك الشخصية جُمعت أو استُخدمت أو شورِكت بطريقة خاطئة، يشرح لك المفوّض حقوقك ويتلقى الشكاوى حيث ينطبق القانون.
## intake
check-change = تعديل
sent-title = أُرسلت شكواك من قبل
sent-once = سُجّلت مرة واحدة. إرسال النموذج نفسه مرة أخرى لا يقدّمها مرتين.
sent-show-receipt = أظهر رمز الإيصال مرة أخرى
sent-no-code = حفاظًا على سلامتك، لا يظهر رمز الإيصال إلا على الجهاز الذي أرسل الشكوى، بعد الإرسال مباشرة. إذا احتفظت بالرمز، يمكنك متابعة شكواك به.
sent-new = تقديم شكوى أخرى
receipt-keep-device = احتفظ بهذا الرمز في مكان آمن. تعرضه هذه الصفحة مرة أخرى لمدة ساعة على الأكثر، على هذا الجهاز فقط. بعد ذلك لا نستطيع عرضه مرة أخرى ولا استرجاعه.
## roles
track-next-filed = استلمنا شكواك. سنؤكّدها لك في موعد أقصاه { $date }.
track-next-acknowledged = أكّدنا شكواك وسنختار من ينظر فيها. سنصدر قرارًا في موعد أقصاه { $date }.
track-next-under-review = ينظر في شكواك شخص لم يكن طرفًا فيها. سنصدر قرارًا في موعد أقصاه { $date }.
track-next-decided-appeal = اتخذنا قرارًا، ويمكنك قراءته أدناه. إن لم توافق عليه، يمكنك استئنافه حتى { $date }.
track-next-decided-final = اتخذنا قرارًا، ويمكنك قراءته أدناه. انتهت مهلة الاستئناف في { $date }.
track-next-appeal-decided = صدر القرار في استئنافك. يمكنك قراءة النتيجة أدناه.
track-next-closed-appeal = أُغلقت شكواك. لا يزال بإمكانك التعليق على ملفك، أو الاستئناف حتى { $date }.
track-next-closed-final = أُغلقت شكواك. لا يزال بإمكانك التعليق على ملفك. انتهت مهلة الاستئناف في { $date }.
track-next-closed-appeal-decided = أُغلقت شكواك وصدر القرار في استئنافك. لا يزال بإمكانك التعليق على ملفك.
track-satisfaction-thanks = شكرًا لإجابتك. لقد سُجّلت ولا يمكن تغييرها.
track-rating-given = { $rating } من 5
track-back = العودة إلى متابعة شكواك

## track
track-decision-title = القرار
track-more-title = أمور أخرى يمكنك القيام بها
track-from = من
track-staff-member = أحد الموظفين
track-actions-title = ما تغيّر بسبب شكواك
track-action-verified = اتُّخذ إجراء تصحيحي وتم التحقق منه في { $date }.
track-action-item = الالتزام المعني
track-openings-title = من فتح ملفك ولماذا
track-openings-explain = كل مرة يفتح فيها أحد الموظفين ملفك تُسجَّل: التاريخ ودوره والسبب. لا تُعرض الأسماء.
track-openings-none = لم يفتح أحد ملفك بعد.
track-decision-above = أسبابه معروضة أعلاه، تحت «القرار».

## route
field-about = عمّن شكواك؟
field-about-hint = الشكوى عن الأشخاص في قمة المنظمة تذهب إلى أشخاص من خارج لجنة الشكاوى.
field-about-other = شخص آخر، أو شيء حدث
field-about-leadership = الشخص الذي يدير المنظمة (المدير)، أو رئيس لجنة الشكاوى
field-who = إذا كانت شكواك عن أحد الموظفين، فمن هو؟ (الاسم أو وصف)
field-who-hint = لا يجب عليك الإجابة. لا يقرؤه إلا من يتولّون شكواك.
track-handled-board = شكواك عن الأشخاص الذين يقودون المنظمة، لذلك يتولاها مجلس الإدارة، لا لجنة الشكاوى.
track-handled-external = شكواك عن الأشخاص الذين يقودون المنظمة، لذلك يتولاها مراجع مستقل، لا لجنة الشكاوى.
track-openings-explain-names = في كل مرة يفتح فيها أحد الموظفين ملفك، يُسجَّل ذلك: التاريخ واسمه ودوره والسبب.
text-staff_described = عمّن الشكوى
## identity
landing-contact-title = كيف تتواصل معنا
landing-contact-intro = يمكنك أيضًا أن تكتب إلينا أو تتصل بنا أو تزورنا.
org-phone = الهاتف:
org-email = البريد الإلكتروني:
org-website = الموقع الإلكتروني:
receipt-track-address = العنوان لمتابعة شكواك:
receipt-file-filed = قُدّمت في { $date }.
receipt-file-track = تابع شكواك على: { $address }
receipt-file-contact = للتواصل معنا بطريقة أخرى:
## attach
event-attachment-added = أُرفق ملف
done-attach = أُرفق ملفك.
text-file_name = اسم الملف
text-file_description = ما يُظهره
## prg
track-already-done = أُرسل هذا من قبل: لم يُرسل شيء مرتين.
track-done = انتهيت، مغادرة هذه الصفحة
track-done-hint = على هاتف مشترك، غادر هذه الصفحة عندما تنتهي: سيُطلب رمز الإيصال لرؤيتها مرة أخرى.
