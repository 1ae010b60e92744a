# admin: ar
# العربية. DRAFTED BY AN AI ASSISTANT from the English (locales/en/admin.ftl).
# Not reviewed: a fluent Arabic speaker must review it before use.
# Administration: staff, roles, keys, settings.
admin-nav = الإدارة
admin-nav-staff = الموظفون
admin-nav-enrol = تسجيل موظف
admin-nav-settings = الإعدادات
admin-back = العودة إلى قائمة الموظفين
admin-error-summary = يُرجى التحقق مما يلي

admin-staff-title = الموظفون
admin-staff-intro = كل من سُجِّل، مع أدوارهم. اختر اسمًا لتغيير الأدوار، أو إعادة تعيين كلمة المرور، أو تسجيل المغادرة.
admin-staff-caption = الموظفون
admin-name = الاسم
admin-name-hint = الاسم الكامل كما يعرفه الزملاء. لا يراه هنا إلا المسؤولون.
admin-login = اسم الدخول
admin-login-hint = ما يكتبه الشخص لتسجيل الدخول. بدون مسافات، مثلًا amina.k. لا فرق بين الأحرف الكبيرة والصغيرة.
admin-roles = الأدوار
admin-roles-hint = اختر دورًا واحدًا على الأقل. لا تعطِ أي شخص إلا الأدوار التي يحتاجها عمله.
admin-status = الحالة
admin-keys = مفاتيح التوقيع النشطة
admin-active = على رأس العمل
admin-departed = غادر المنظمة
admin-no-roles = بلا أدوار

admin-role-intake = الاستقبال
admin-role-intake-hint = يقدّم الشكاوى نيابةً عن العملاء، ويؤكّد استلامها ويصنّفها، ويسند كل شكوى إلى مراجع.
admin-role-reviewer = مراجِع
admin-role-reviewer-hint = يحقّق في الحالات المسندة إليه ويسجّل النتائج ويُصدر القرار، ما لم تجعل الإعدادات كل قرار لرئيس اللجنة.
admin-role-chair = رئيس اللجنة
admin-role-chair-hint = يُسند الملفات، ويتخذ القرارات، ويتحقق من الإجراءات التصحيحية، ويغلق الملفات.
admin-role-board = مجلس الإدارة
admin-role-board-hint = يطّلع على لوحات المعلومات ويعتمد مراجعات الإطار. لا يرى البيانات الشخصية، إلا في الشكاوى المقدَّمة بحق المدير أو رئيس اللجنة حين تحيلها الإعدادات إلى المجلس (وتُسجَّل كل عملية فتح).
admin-role-admin = مسؤول النظام
admin-role-admin-hint = يسجّل الموظفين، ويغيّر الأدوار والمفاتيح، ويغيّر الإعدادات.
admin-role-auditor = مدقق
admin-role-auditor-hint = يدقق مسارات الملفات ويتحقق من السجلّ.
admin-role-grant = منح دور { $role }
admin-role-remove = سحب دور { $role }

admin-enrol-title = تسجيل موظف
admin-enrol-intro = يحصل الموظف الجديد على مفتاح توقيع خاص به ورابط إعداد لاختيار كلمة المرور. سترى الرابط مرة واحدة فقط، في الصفحة التالية.
admin-enrol-submit = التسجيل وإنشاء رابط إعداد
admin-error-name = أدخل الاسم (200 حرف كحد أقصى).
admin-error-login = أدخل اسم دخول لا يزيد على 100 حرف، بدون مسافات.
admin-error-login-taken = اسم الدخول { $login } مستخدم بالفعل. اختر اسمًا آخر.
admin-error-roles = اختر دورًا واحدًا على الأقل.
admin-error-role = اختر دورًا.

admin-link-title = رابط الإعداد
admin-link-intro-enrolled = تم تسجيل { $name }. أعطِ هذا الرابط لهذا الشخص ليختار كلمة مرور ويسجّل الدخول:
admin-link-intro-reset = تم استبدال مفتاح { $name } ولم تعد كلمة المرور القديمة تعمل. أعطِ هذا الرابط لهذا الشخص ليختار كلمة مرور جديدة:
admin-link-copy = نسخ الرابط
admin-link-copied = تم النسخ
admin-link-expires = تنتهي صلاحية الرابط في
admin-link-next = قبل أن تغادر هذه الصفحة
admin-link-once = هذه الصفحة هي المرة الوحيدة التي يظهر فيها الرابط. انسخه الآن.
admin-link-validity = يعمل الرابط مرة واحدة، وتنتهي صلاحيته بعد 7 أيام.
admin-link-private = أعطِه للشخص بشكل خاص (شخصيًا، أو عبر وسيلة لا يقرأها غيره). أي شخص لديه الرابط يستطيع تعيين كلمة المرور.
admin-link-lost = إذا ضاع الرابط أو انتهت صلاحيته، أعد تعيين كلمة المرور للحصول على رابط جديد.
admin-link-back = الذهاب إلى صفحة هذا الموظف

admin-person-title = موظف
admin-role = الدور
admin-held = لديه هذا الدور
admin-held-yes = نعم
admin-held-no = لا
admin-change = تغيير
admin-roles-caption = أدوار هذا الموظف
admin-roles-change-hint = تسري التغييرات فورًا، من الصفحة التالية التي يفتحها.
admin-last-admin = يجب أن يبقى في المنظمة مسؤول نظام واحد على الأقل. امنح دور مسؤول النظام لشخص آخر أولًا.
admin-rotate-title = إعادة تعيين كلمة المرور واستبدال مفتاح التوقيع
admin-rotate-intro = استخدم هذا عندما ينسى الشخص كلمة المرور، أو إذا كان من الممكن أن يعرف شخص آخر مفتاحه. تُلغى مفاتيحه الحالية، ويُسجَّل خروجه من كل مكان، وتحصل أنت على رابط إعداد جديد له.
admin-rotate-self = هذا حسابك أنت: سيُسجَّل خروجك أيضًا.
admin-rotate-reason = السبب
admin-rotate-reason-hint = مثلًا «نسيان كلمة المرور». يُسجَّل السبب في السجلّ الذي يقرؤه المدققون: لا تكتب أي بيانات شخصية.
admin-rotate-submit = إعادة تعيين كلمة المرور وإنشاء رابط إعداد
admin-error-reason = أدخل سببًا (500 حرف كحد أقصى).
admin-depart-title = تسجيل مغادرة
admin-depart-intro = عندما يغادر شخص المنظمة. تُلغى أدواره ومفاتيحه، ويُسجَّل خروجه، ولا يعود قادرًا على تسجيل الدخول. لا يمكن التراجع عن ذلك: إذا عاد، سجّله من جديد.
admin-depart-confirm = أؤكد أن هذا الشخص غادر المنظمة.
admin-depart-submit = تسجيل المغادرة
admin-error-confirm = ضع علامة في المربع لتأكيد المغادرة.
admin-departed-note = غادر هذا الشخص المنظمة. أُلغيت مفاتيحه ولا يستطيع تسجيل الدخول.

admin-settings-title = الإعدادات
admin-settings-intro = تنطبق هذه الإعدادات على كل خطوة جديدة في كل ملف. يُسجَّل كل تغيير في السجلّ.
admin-settings-targets = أهداف الخدمة
admin-settings-acknowledge_business_days = هدف تأكيد الاستلام (أيام عمل)
admin-settings-acknowledge_business_days-hint = أيام العمل لتأكيد استلام الشكوى، بين 1 و30.
admin-settings-decide_calendar_days = هدف إصدار القرار (أيام تقويمية)
admin-settings-decide_calendar_days-hint = الأيام لإصدار قرار في الشكوى، بين 1 و365.
admin-settings-appeal_window_days = مهلة الاستئناف (أيام تقويمية)
admin-settings-appeal_window_days-hint = الأيام بعد القرار التي يجوز للعميل خلالها الاستئناف، بين 1 و365.
admin-settings-calendar = التقويم
admin-settings-time_zone = المنطقة الزمنية
admin-settings-time_zone-hint = اسم المنطقة الزمنية للمنظمة، مثلًا America/Toronto أو America/Vancouver.
admin-settings-holiday_jurisdiction = العطل الرسمية
admin-settings-holiday_jurisdiction-hint = الجهة التي لا تُعدّ عطلها الرسمية أيام عمل.
admin-settings-extra_holidays = أيام إغلاق أخرى
admin-settings-extra_holidays-hint = الأيام التي تُغلق فيها المنظمة، تاريخ واحد في كل سطر، بصيغة 2025-12-24.
admin-settings-removed_holidays = عطل تعملون فيها
admin-settings-removed_holidays-hint = العطل الرسمية التي تعمل فيها المنظمة رغم ذلك، تاريخ واحد في كل سطر، بصيغة 2025-08-04.
admin-settings-languages = اللغات المتاحة
admin-settings-languages-hint = لغات الموقع ونموذج الشكوى.
admin-settings-default_language = اللغة الافتراضية
admin-settings-default_language-hint = تُعرض للزوار الذين لا يطلب متصفحهم أيًّا من اللغات المتاحة.
admin-settings-organization = البرامج والأماكن والإطار
admin-settings-programs = البرامج
admin-settings-programs-hint = برنامج واحد في كل سطر، بصيغة id = الاسم، مثلًا: linc = تعليم اللغة (LINC). يتكوّن الـ id من أحرف لاتينية صغيرة وأرقام و- أو _، ولا ينبغي تغييره بعد استخدامه.
admin-settings-sites = الأماكن
admin-settings-sites-hint = مكان واحد في كل سطر، بصيغة id = الاسم، مثلًا: main = المكتب الرئيسي.
admin-settings-framework = إطار الجودة
admin-settings-framework-hint = معرّف الإطار المستخدم. الإطار المرفق هو { $id }.
admin-settings-privacy = البيانات الشخصية
admin-settings-retention_days = الاحتفاظ بالبيانات الشخصية لمدة (أيام بعد الإغلاق)
admin-settings-retention_days-hint = بعد هذه المدة تُمحى البيانات الشخصية للملف. بين 30 و36500 يوم.
admin-settings-submit = حفظ الإعدادات
admin-settings-stale = غيّر مسؤول آخر الإعدادات بينما كنت تعدّلها. قارن قيمك أدناه بقيمه، ثم احفظ مرة أخرى.
admin-error-number = أدخل عددًا صحيحًا.
admin-error-date = «{ $line }» ليس تاريخًا. اكتب تاريخًا واحدًا في كل سطر، مثل 2025-12-24.
admin-error-named = السطر «{ $line }» غير مكتوب بصيغة id = الاسم.
admin-error-default-language = اختر إحدى اللغات المتاحة.

done-admin-role-granted = تم منح الدور.
done-admin-role-revoked = تم سحب الدور.
done-admin-departed = سُجِّلت المغادرة. أُلغيت المفاتيح وسُجِّل الخروج.
done-admin-settings-saved = حُفظت الإعدادات.
done-admin-settings-unchanged = لم يتغيّر شيء.

# Names of the holiday jurisdictions (English uses the names in projections/src/holiday.rs).
admin-jurisdiction-federal = اتحادي (قانون العمل الكندي)
admin-jurisdiction-ab = ألبرتا
admin-jurisdiction-bc = كولومبيا البريطانية
admin-jurisdiction-mb = مانيتوبا
admin-jurisdiction-nb = نيو برونزويك
admin-jurisdiction-nl = نيوفاوندلاند ولابرادور
admin-jurisdiction-ns = نوفا سكوشا
admin-jurisdiction-nt = الأقاليم الشمالية الغربية
admin-jurisdiction-nu = نونافوت
admin-jurisdiction-on = أونتاريو
admin-jurisdiction-pe = جزيرة الأمير إدوارد
admin-jurisdiction-qc = كيبيك
admin-jurisdiction-sk = ساسكاتشوان
admin-jurisdiction-yt = يوكون

## decisions
admin-settings-chair_decides = رئيس اللجنة وحده يُصدر القرار في الشكاوى
admin-settings-chair_decides-hint = يحقّق المراجع المكلَّف ويسجّل النتائج، ثم يقرأها رئيس اللجنة ويُصدر القرار. إذا لم يُحدَّد هذا الخيار، يمكن للمراجع المكلَّف أن يُصدر القرار أيضًا.

## route
admin-settings-escalation = الشكاوى عن المدير أو رئيس اللجنة
admin-settings-escalation-hint = الشكوى عن الشخص الذي يدير المنظمة، أو عن رئيس لجنة الشكاوى، تُحال: يُستبعد منها كل رؤساء اللجنة والمدير.
admin-settings-director = المدير (إن كان له حساب)
admin-settings-director-hint = يُستبعد من الشكاوى المُحالة، مثل كل رؤساء اللجنة.
admin-settings-nobody = لا أحد
admin-settings-external_reviewer = من يتولى الشكاوى المُحالة
admin-settings-external_reviewer-hint = مجلس الإدارة، أو حساب واحد من خارج اللجنة، مثل مراجع مسجل من جهة شريكة. ليس رئيس لجنة ولا المدير.
admin-settings-route-board = مجلس الإدارة
admin-settings-board-data = عندما يتولى مجلس الإدارة الشكاوى المُحالة، يحصل أعضاؤه على صلاحيات اللجنة في تلك الشكاوى فقط: يعيّنونها ويقررون فيها ويغلقونها ويفتحون ملفاتها (كل فتح يُسجَّل ويراه العميل). فيرى المجلس بيانات شخصية لتلك الشكاوى، ولا لغيرها.
admin-settings-show_opener_names = إظهار أسماء الموظفين الذين فتحوا الملف للعملاء
admin-settings-show_opener_names-hint = بدون تحديد، يرى العملاء دور كل من فتح الملف وسببه. مع التحديد، يرون الاسم أيضًا.
admin-error-staff = اختر شخصًا من القائمة
## identity
admin-settings-identity = المنظمة كما يراها العملاء
admin-settings-org_name = اسم المنظمة
admin-settings-org_name-hint = يظهر أعلى كل صفحة وفي الصفحة الرئيسية وعلى الإيصال. 200 حرف على الأكثر.
admin-settings-org_name_in = الاسم باللغة { $language } (إن كان مختلفًا)
admin-settings-org_names = الاسم بلغة أخرى
admin-settings-org_address = العنوان البريدي
admin-settings-org_address-hint = سطر لكل سطر من العنوان، 500 حرف على الأكثر. يظهر في الصفحة الرئيسية وعلى الإيصال.
admin-settings-org_phone = الهاتف
admin-settings-org_phone-hint = أرقام ومسافات و+ - ( )، مثلًا +1 416 555 0100.
admin-settings-org_email = البريد الإلكتروني
admin-settings-org_email-hint = عنوان يمكن للعملاء الكتابة إليه، مثلًا help@example.org.
admin-settings-org_website = الموقع الإلكتروني
admin-settings-org_website-hint = عنوانه الكامل، يبدأ بـ https://
admin-settings-program_names = أسماء البرامج بلغات أخرى
admin-settings-program_names-in = أسماء البرامج باللغة { $language }
admin-settings-program_names-hint = واحد في كل سطر، بصيغة id = الاسم، مع معرّفات البرامج أعلاه. اترك الاسم فارغًا لعرض الاسم الرئيسي.
admin-settings-site_names = أسماء المواقع بلغات أخرى
admin-settings-site_names-in = أسماء المواقع باللغة { $language }
admin-settings-site_names-hint = واحد في كل سطر، بصيغة id = الاسم، مع معرّفات المواقع أعلاه. اترك الاسم فارغًا لعرض الاسم الرئيسي.
admin-error-named-unknown = لا يوجد «{ $id }» في القائمة أعلاه.
admin-logo-title = الشعار
admin-logo-current = الشعار الحالي
admin-logo-file = شعار جديد
admin-logo-hint = صورة PNG أو JPEG أو WebP لا يتجاوز حجمها { $size } كيلوبايت، بارتفاع 40 بكسل تقريبًا في الصفحة. لا يُقبل SVG.
admin-logo-submit = رفع الشعار
admin-error-logo-missing = اختر ملف صورة لرفعه.
admin-error-logo-type = هذا الملف ليس صورة PNG أو JPEG أو WebP. اختر ملفًا آخر.
done-admin-logo-saved = تم حفظ الشعار.
admin-settings-names = الأسماء بلغات أخرى

# Witnesses
admin-nav-witnesses = الشهود
witnesses-title = الشهود
witnesses-intro = الشاهد جهة مستقلة، مثل اتحاد للمنظمات أو جهة ممولة أو منظمة شريكة، توقّع مع هذا السجل على نقاط التحقق الخاصة به، فلا يستطيع أحد، ولا حتى منظمتنا، أن يعيد كتابة السجل أو أن يحتفظ بنسختين منه دون أن يُكشف ذلك.
witnesses-list = الشهود المطلوب توقيعهم
witnesses-none = لم يُضبط أي شاهد بعد.
witnesses-url = العنوان
witnesses-url-hint = عنوان الشاهد على الويب، يبدأ بـ https:// أو http://، كما أعطاه الشاهد.
witnesses-key = مفتاح التحقق
witnesses-key-hint = السطر الذي أعطاك إياه الشاهد («مفتاح التحقق»)، مثل name+1a2b3c4d+BASE64. يُعرض اسمه على أنه اسم الشاهد.
witnesses-key-id = معرّف المفتاح
witnesses-cosigned = آخر توقيع مشترك
witnesses-cosigned-size = نقطة التحقق ذات { $size } قيدًا، في { $at }
witnesses-cosigned-never = ليس بعد
witnesses-error = آخر خطأ
witnesses-failing = لا يوقّع
witness-problem-unreachable = تعذّر الوصول إلى الشاهد: لا اتصال، أو لا ردّ في الوقت المحدد. يواصل السجل طلبه، ويستمر تسجيل الشكاوى في الأثناء.
witness-problem-tls = فشل الاتصال الآمن بالشاهد: هذا الخادم لا يثق بشهادته، أو العنوان خاطئ.
witness-problem-unknown-log = الشاهد لا يعرف هذا السجل بمفتاحه: أرسل إلى مشغّل الشاهد مفتاح التحقق الخاص بهذا السجل (في صفحة التدقيق).
witness-problem-conflict = يرفض الشاهد نقطة التحقق هذه: لقد وقّع على سجلّ تاريخي لا يمتدّ منه هذا السجل. هل استُعيد السجل من نسخة احتياطية أقدم؟ تواصل مع الشاهد.
witness-problem-bad-answer = ردّ الشاهد ليس توقيعًا مشتركًا صالحًا. تحقّق من العنوان ومن مفتاح الشاهد.
witnesses-configured = مصدر الضبط
witnesses-command-line = ضُبط عند تشغيل الخادم (لا يمكن إزالته من هنا)
witnesses-in-settings = في هذه الصفحة
witnesses-remove = إزالة { $name }
witnesses-add = إضافة شاهد
witnesses-add-button = أضف هذا الشاهد
witnesses-full = بلغ عدد الشهود الحد الأقصى. أزل شاهدًا لإضافة آخر.
witnesses-stale = غيّر مسؤول آخر الإعدادات بينما كنت في هذه الصفحة. راجع القائمة أدناه، ثم حاول مرة أخرى.
done-witness-added = أُضيف الشاهد. سيُطلب منه التوقيع خلال ثوانٍ.
done-witness-removed = أُزيل الشاهد. لم يعد يُطلب منه التوقيع؛ وتُحفظ توقيعاته السابقة.
witness-error-url = يرجى إدخال عنوان الشاهد، يبدأ بـ https:// أو http://، مثل https://witness.example.org.
witness-error-key = هذا ليس مفتاح تحقق لشاهد. الصق السطر الذي أعطاك إياه الشاهد، مثل name+1a2b3c4d+BASE64.
witness-error-duplicate = هذا الشاهد مضبوط بالفعل.
witness-error-too-many = لا يمكن ضبط أكثر من { $limit } شاهدًا. أزل واحدًا أولًا.
