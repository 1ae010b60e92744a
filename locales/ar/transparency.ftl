# transparency: ar
# العربية. DRAFTED BY AN AI ASSISTANT from the English (locales/en/transparency.ftl).
# Not reviewed: a fluent Arabic speaker must review it before the organization relies on it.
# تقرير الشفافية العام وصفحة مجلس الإدارة لنشره.

transparency-title = تقرير الشفافية
transparency-lead = ننشر كل سنة أو كل ثلاثة أشهر ما حدث للشكاوى التي وصلتنا: كم عددها، وبأي سرعة أجبنا، وماذا قررنا، وما الذي غيّرناه نتيجة لذلك. لا يمكن التعرف على أي شخص من هذه الأرقام.
transparency-period = الفترة
transparency-suppression-note = لحماية الأشخاص الذين قدّموا شكاوى، لا نعرض أبدًا أي رقم أقل من 5، ونخفي معه رقمًا آخر إذا كان المجموع سيكشفه.
transparency-others = تقارير سابقة
transparency-none = لم يُنشر أي تقرير بعد.
transparency-figures-caption = الشكاوى التي وصلتنا خلال الفترة
transparency-col-what = البند
transparency-col-count = العدد
transparency-suppressed = غير معروض (أعداد صغيرة)
transparency-line-received = الشكاوى الواردة
transparency-line-outcome-upheld = ثبتت صحتها
transparency-line-outcome-partly_upheld = ثبتت صحتها جزئيًا
transparency-line-outcome-not_upheld = لم تثبت صحتها
transparency-line-outcome-resolved_early = حُلّت في مرحلة مبكرة
transparency-line-outcome-referred_out_of_scope = أُحيلت إلى جهة أخرى (خارج نطاق خدماتنا)
transparency-line-outcome-withdrawn = سحبها الشخص بنفسه
transparency-line-outcome-pending = لم يُتخذ قرار بعد
transparency-line-acknowledged-total = تم تأكيد استلامها
transparency-line-acknowledged-on-time = تم تأكيد استلامها في الوقت المحدد
transparency-line-acknowledged-late = تم تأكيد استلامها متأخرًا
transparency-line-decided-total = صدر فيها قرار
transparency-line-decided-on-time = صدر القرار في الوقت المحدد
transparency-line-decided-late = صدر القرار متأخرًا
transparency-line-appealed-total = القرارات
transparency-line-appealed-yes = تم تقديم استئناف عليها
transparency-line-appealed-no = لم يتم تقديم استئناف عليها
transparency-line-fair-total = الأشخاص الذين أجابوا على استبياننا
transparency-line-fair-yes = قالوا إن الإجراءات كانت عادلة
transparency-line-fair-no = قالوا إن الإجراءات لم تكن عادلة
transparency-line-systemic-opened = تغييرات بدأت (إجراءات تصحيحية على مستوى المنظمة)
transparency-line-systemic-verified = تغييرات اكتملت وتم التحقق منها
transparency-systemic-title = ما الذي نغيّره
transparency-systemic-none = لم يبدأ ولم يكتمل أي تغيير على مستوى المنظمة كلها خلال هذه الفترة.
transparency-systemic-new = لم يبدأ بعد
transparency-systemic-open = قيد التنفيذ
transparency-systemic-completed = اكتمل، وجارٍ التحقق منه
transparency-systemic-verified = اكتمل وتم التحقق منه
transparency-review-title = كيف نقيّم أنفسنا وفق إطار الجودة
transparency-review-intro = أحدث مراجعة لنا وافق عليها مجلس الإدارة، عن الفترة
transparency-review-none = لم تتم الموافقة على أي مراجعة وفق الإطار حتى الآن.
transparency-col-item = الممارسة
transparency-col-rating = تقييمنا
transparency-rating-met = مستوفى
transparency-rating-partly_met = مستوفى جزئيًا
transparency-rating-not_met = غير مستوفى
transparency-rating-not_applicable = لا ينطبق
transparency-unrated = لم يُقيَّم
transparency-pinned = تأتي هذه الأرقام من السجل الموقَّع عند هذا الحجم وهذا الجذر، لذلك يمكن لأي شخص لديه نسخة مُصدَّرة أن يتحقق منها:
transparency-board-title = نشر تقرير الشفافية
transparency-board-lead = اختر فترة وراجِع التقرير. عند النشر يتم توقيع التقرير ووضعه على الصفحة العامة، ولا يمكن تغييره بعد ذلك.
transparency-preview = معاينة
transparency-preview-title = معاينة التقرير عن
transparency-publish-warning = عند النشر يُسجَّل هذا التقرير في السجل مع توقيعك ويظهر للجميع.
transparency-publish = انشر هذا التقرير
transparency-board-only = يمكن لعضو مجلس الإدارة فقط نشر التقرير.
transparency-bad-period = اختر إحدى الفترات المعروضة.
footer-transparency = الشكاوى المقدَّمة إلينا: تقرير الشفافية

## flow
transparency-published-on = { $period }، نُشر في { $date }
