# admin: fa
# فارسی. DRAFTED BY AN AI ASSISTANT from the English (locales/en/admin.ftl).
# Not reviewed: a fluent Farsi speaker must review it before use.
# Administration: staff, roles, keys, settings.
admin-nav = مدیریت
admin-nav-staff = کارکنان
admin-nav-enrol = ثبت‌نام یک کارمند
admin-nav-settings = تنظیمات
admin-back = بازگشت به فهرست کارکنان
admin-error-summary = لطفاً موارد زیر را بررسی کنید

admin-staff-title = کارکنان
admin-staff-intro = همهٔ کسانی که ثبت‌نام شده‌اند، همراه با نقش‌هایشان. برای تغییر نقش‌ها، بازنشانی رمز عبور یا ثبت رفتن کسی، روی نام او بزنید.
admin-staff-caption = کارکنان
admin-name = نام
admin-name-hint = نام کامل او، همان‌طور که همکاران می‌شناسند. اینجا فقط مدیران سیستم آن را می‌بینند.
admin-login = نام کاربری
admin-login-hint = چیزی که برای ورود تایپ می‌کند. بدون فاصله، برای مثال amina.k. حروف بزرگ و کوچک فرقی ندارند.
admin-roles = نقش‌ها
admin-roles-hint = دست‌کم یکی را انتخاب کنید. به هر کس فقط نقش‌هایی را بدهید که کارش لازم دارد.
admin-status = وضعیت
admin-keys = کلیدهای امضای فعال
admin-active = فعال
admin-departed = رفته
admin-no-roles = بدون نقش

admin-role-intake = پذیرش
admin-role-intake-hint = شکایت‌ها را از طرف مراجعان ثبت می‌کند، دریافت آن‌ها را تأیید و دسته‌بندی می‌کند و هر یک را به یک بررسی‌کننده می‌سپارد.
admin-role-reviewer = بررسی‌کننده
admin-role-reviewer-hint = پرونده‌هایی را که به او سپرده شده بررسی می‌کند، یافته‌ها را ثبت می‌کند و تصمیم می‌گیرد، مگر اینکه تنظیمات همهٔ تصمیم‌ها را به رئیس کمیته بسپارد.
admin-role-chair = رئیس کمیته
admin-role-chair-hint = پرونده‌ها را واگذار می‌کند، تصمیم می‌گیرد، اقدامات اصلاحی را بررسی می‌کند و پرونده‌ها را می‌بندد.
admin-role-board = هیئت مدیره
admin-role-board-hint = داشبوردها را می‌خواند و بازبینی‌های چارچوب را تصویب می‌کند. داده‌های شخصی را نمی‌بیند، مگر در شکایت‌هایی دربارهٔ مدیر یا رئیس کمیته، وقتی تنظیمات آن‌ها را به هیئت‌مدیره می‌سپارد (هر گشودن ثبت می‌شود).
admin-role-admin = مدیر سیستم
admin-role-admin-hint = کارکنان را ثبت‌نام می‌کند، نقش‌ها و کلیدها را تغییر می‌دهد و تنظیمات را عوض می‌کند.
admin-role-auditor = حسابرس
admin-role-auditor-hint = سوابق پرونده‌ها را حسابرسی می‌کند و دفتر ثبت را بررسی می‌کند.
admin-role-grant = دادن نقش { $role }
admin-role-remove = گرفتن نقش { $role }

admin-enrol-title = ثبت‌نام یک کارمند
admin-enrol-intro = کارمند جدید کلید امضای مخصوص خود و یک پیوند راه‌اندازی برای انتخاب رمز عبور دریافت می‌کند. پیوند را فقط یک بار، در صفحهٔ بعد، می‌بینید.
admin-enrol-submit = ثبت‌نام و ساخت پیوند راه‌اندازی
admin-error-name = نام او را وارد کنید (حداکثر ۲۰۰ نویسه).
admin-error-login = یک نام کاربری حداکثر ۱۰۰ نویسه‌ای و بدون فاصله وارد کنید.
admin-error-login-taken = نام کاربری { $login } قبلاً استفاده شده است. نام دیگری انتخاب کنید.
admin-error-roles = دست‌کم یک نقش انتخاب کنید.
admin-error-role = یک نقش انتخاب کنید.

admin-link-title = پیوند راه‌اندازی
admin-link-intro-enrolled = { $name } ثبت‌نام شد. این پیوند را به او بدهید تا بتواند رمز عبور انتخاب کند و وارد شود:
admin-link-intro-reset = کلید { $name } جایگزین شد و رمز عبور قبلی‌اش دیگر کار نمی‌کند. این پیوند را به او بدهید تا بتواند رمز عبور جدیدی انتخاب کند:
admin-link-copy = کپی کردن پیوند
admin-link-copied = کپی شد
admin-link-expires = تاریخ انقضای پیوند
admin-link-next = پیش از ترک این صفحه
admin-link-once = این صفحه تنها جایی است که پیوند نشان داده می‌شود. همین حالا آن را کپی کنید.
admin-link-validity = پیوند فقط یک بار کار می‌کند و پس از ۷ روز منقضی می‌شود.
admin-link-private = آن را به‌طور خصوصی به خود او بدهید (حضوری، یا از راهی که فقط خودش می‌خواند). هر کس پیوند را داشته باشد می‌تواند رمز عبور را تعیین کند.
admin-link-lost = اگر پیوند گم شد یا منقضی شد، رمز عبور او را بازنشانی کنید تا پیوند تازه‌ای بگیرید.
admin-link-back = رفتن به صفحهٔ این کارمند

admin-person-title = کارمند
admin-role = نقش
admin-held = این نقش را دارد
admin-held-yes = بله
admin-held-no = خیر
admin-change = تغییر
admin-roles-caption = نقش‌های این کارمند
admin-roles-change-hint = تغییرات بی‌درنگ، از صفحهٔ بعدی که باز می‌کند، اعمال می‌شوند.
admin-last-admin = سازمان باید دست‌کم یک مدیر سیستم داشته باشد. اول نقش مدیر سیستم را به کس دیگری بدهید.
admin-rotate-title = بازنشانی رمز عبور و جایگزینی کلید امضا
admin-rotate-intro = وقتی از این استفاده کنید که رمز عبورش را فراموش کرده، یا ممکن است کس دیگری کلیدش را بداند. کلیدهای فعلی‌اش باطل می‌شوند، از همه‌جا خارج می‌شود و شما یک پیوند راه‌اندازی تازه برای او می‌گیرید.
admin-rotate-self = این حساب خود شماست: شما هم خارج خواهید شد.
admin-rotate-reason = دلیل
admin-rotate-reason-hint = برای مثال «فراموشی رمز عبور». این دلیل در دفتر ثبتی که حسابرسان می‌خوانند ثبت می‌شود: اطلاعات شخصی ننویسید.
admin-rotate-submit = بازنشانی رمز عبور و ساخت پیوند راه‌اندازی
admin-error-reason = یک دلیل وارد کنید (حداکثر ۵۰۰ نویسه).
admin-depart-title = ثبت رفتن از سازمان
admin-depart-intro = وقتی کسی سازمان را ترک می‌کند. نقش‌ها و کلیدهایش باطل می‌شوند، از سیستم خارج می‌شود و دیگر نمی‌تواند وارد شود. این کار برگشت‌پذیر نیست: اگر برگشت، دوباره او را ثبت‌نام کنید.
admin-depart-confirm = تأیید می‌کنم که این فرد سازمان را ترک کرده است.
admin-depart-submit = ثبت رفتن
admin-error-confirm = برای تأیید رفتن، کادر را علامت بزنید.
admin-departed-note = این فرد سازمان را ترک کرده است. کلیدهایش باطل شده‌اند و نمی‌تواند وارد شود.

admin-settings-title = تنظیمات
admin-settings-intro = این تنظیمات برای هر مرحلهٔ جدید در هر پرونده اعمال می‌شوند. هر تغییر در دفتر ثبت ثبت می‌شود.
admin-settings-targets = اهداف خدمت
admin-settings-acknowledge_business_days = هدف تأیید دریافت (روز کاری)
admin-settings-acknowledge_business_days-hint = روزهای کاری برای تأیید دریافت شکایت، بین 1 و 30.
admin-settings-decide_calendar_days = هدف تصمیم‌گیری (روز تقویمی)
admin-settings-decide_calendar_days-hint = روزها برای تصمیم‌گیری دربارهٔ شکایت، بین 1 و 365.
admin-settings-appeal_window_days = مهلت تجدیدنظر (روز تقویمی)
admin-settings-appeal_window_days-hint = روزهایی پس از تصمیم که مراجع در آن می‌تواند درخواست تجدیدنظر کند، بین 1 و 365.
admin-settings-calendar = تقویم
admin-settings-time_zone = منطقهٔ زمانی
admin-settings-time_zone-hint = نام منطقهٔ زمانی سازمان، برای مثال America/Toronto یا America/Vancouver.
admin-settings-holiday_jurisdiction = تعطیلات رسمی
admin-settings-holiday_jurisdiction-hint = تعطیلات رسمی کدام حوزهٔ قضایی روز کاری حساب نمی‌شوند.
admin-settings-extra_holidays = روزهای تعطیل دیگر
admin-settings-extra_holidays-hint = روزهایی که سازمان تعطیل است، هر خط یک تاریخ، به شکل 2025-12-24.
admin-settings-removed_holidays = تعطیلاتی که کار می‌کنید
admin-settings-removed_holidays-hint = تعطیلات رسمی که سازمان با این حال کار می‌کند، هر خط یک تاریخ، به شکل 2025-08-04.
admin-settings-languages = زبان‌های ارائه‌شده
admin-settings-languages-hint = زبان‌های وب‌سایت و فرم شکایت.
admin-settings-default_language = زبان پیش‌فرض
admin-settings-default_language-hint = به بازدیدکنندگانی نشان داده می‌شود که مرورگرشان هیچ‌یک از زبان‌های ارائه‌شده را نمی‌خواهد.
admin-settings-organization = برنامه‌ها، محل‌ها و چارچوب
admin-settings-programs = برنامه‌ها
admin-settings-programs-hint = هر خط یکی، به شکل id = نام، برای مثال: linc = آموزش زبان (LINC). id از حروف کوچک لاتین، رقم، - یا _ تشکیل می‌شود و پس از استفاده نباید تغییر کند.
admin-settings-sites = محل‌ها
admin-settings-sites-hint = هر خط یکی، به شکل id = نام، برای مثال: main = دفتر مرکزی.
admin-settings-framework = چارچوب کیفیت
admin-settings-framework-hint = شناسهٔ چارچوبی که استفاده می‌شود. چارچوب همراه برنامه { $id } است.
admin-settings-privacy = داده‌های شخصی
admin-settings-retention_days = نگهداری داده‌های شخصی به مدت (روز پس از بسته شدن)
admin-settings-retention_days-hint = پس از این مدت، داده‌های شخصی پرونده پاک می‌شود. بین 30 و 36500 روز.
admin-settings-submit = ذخیرهٔ تنظیمات
admin-settings-stale = مدیر سیستم دیگری هنگام ویرایش شما تنظیمات را تغییر داد. مقادیر خود را در زیر با مقادیر او مقایسه کنید و دوباره ذخیره کنید.
admin-error-number = یک عدد صحیح وارد کنید.
admin-error-date = «{ $line }» تاریخ نیست. هر خط یک تاریخ بنویسید، مانند 2025-12-24.
admin-error-named = خط «{ $line }» به شکل id = نام نوشته نشده است.
admin-error-default-language = یکی از زبان‌های ارائه‌شده را انتخاب کنید.

done-admin-role-granted = نقش داده شد.
done-admin-role-revoked = نقش گرفته شد.
done-admin-departed = رفتن ثبت شد. کلیدهایش باطل شدند و از سیستم خارج شد.
done-admin-settings-saved = تنظیمات ذخیره شد.
done-admin-settings-unchanged = چیزی تغییر نکرد.

# Names of the holiday jurisdictions (English uses the names in projections/src/holiday.rs).
admin-jurisdiction-federal = فدرال (قانون کار کانادا)
admin-jurisdiction-ab = آلبرتا
admin-jurisdiction-bc = بریتیش کلمبیا
admin-jurisdiction-mb = منیتوبا
admin-jurisdiction-nb = نیوبرانزویک
admin-jurisdiction-nl = نیوفاندلند و لابرادور
admin-jurisdiction-ns = نوا اسکوشیا
admin-jurisdiction-nt = قلمروهای شمال غربی
admin-jurisdiction-nu = نوناووت
admin-jurisdiction-on = انتاریو
admin-jurisdiction-pe = جزیرهٔ پرنس ادوارد
admin-jurisdiction-qc = کبک
admin-jurisdiction-sk = ساسکاچوان
admin-jurisdiction-yt = یوکان

## decisions
admin-settings-chair_decides = فقط رئیس کمیته دربارهٔ شکایت‌ها تصمیم می‌گیرد
admin-settings-chair_decides-hint = بررسی‌کنندهٔ تعیین‌شده تحقیق می‌کند و یافته‌ها را ثبت می‌کند؛ رئیس کمیته آن‌ها را می‌خواند و تصمیم می‌گیرد. اگر علامت نخورد، بررسی‌کنندهٔ تعیین‌شده هم می‌تواند تصمیم بگیرد.

## route
admin-settings-escalation = شکایت‌ها دربارهٔ مدیر یا رئیس کمیته
admin-settings-escalation-hint = شکایت دربارهٔ کسی که سازمان را اداره می‌کند، یا دربارهٔ رئیس کمیتهٔ شکایات، ارجاع می‌شود: همهٔ رؤسا و مدیر از آن کنار گذاشته می‌شوند.
admin-settings-director = مدیر (اگر حساب دارد)
admin-settings-director-hint = مانند همهٔ رؤسا، از شکایت‌های ارجاع‌شده کنار گذاشته می‌شود.
admin-settings-nobody = هیچ‌کس
admin-settings-external_reviewer = چه کسی به شکایت‌های ارجاع‌شده رسیدگی می‌کند
admin-settings-external_reviewer-hint = هیئت‌مدیره، یا یک حساب بیرون از کمیته، مانند بازبینی از یک سازمان همکار. نه رئیس کمیته و نه مدیر.
admin-settings-route-board = هیئت‌مدیره
admin-settings-board-data = وقتی هیئت‌مدیره به شکایت‌های ارجاع‌شده رسیدگی می‌کند، اعضای آن فقط در همان شکایت‌ها اختیارات کمیته را دارند: واگذار می‌کنند، تصمیم می‌گیرند، می‌بندند و پرونده را باز می‌کنند (هر بازکردن ثبت می‌شود و مراجع آن را می‌بیند). پس هیئت‌مدیره فقط برای همان شکایت‌ها داده‌های شخصی را می‌بیند.
admin-settings-show_opener_names = نشان‌دادن نام کارکنانی که پرونده را باز کردند به مراجعان
admin-settings-show_opener_names-hint = بدون علامت، مراجعان نقش و دلیل هر بازکردن را می‌بینند. با علامت، نام را هم می‌بینند.
admin-error-staff = کسی را از فهرست انتخاب کنید
## identity
admin-settings-identity = سازمان آن‌گونه که مراجعان می‌بینند
admin-settings-org_name = نام سازمان
admin-settings-org_name-hint = بالای هر صفحه، در صفحهٔ اصلی و روی رسید نشان داده می‌شود. حداکثر ۲۰۰ نویسه.
admin-settings-org_name_in = نام به { $language } (اگر متفاوت است)
admin-settings-org_names = نام به زبانی دیگر
admin-settings-org_address = نشانی پستی
admin-settings-org_address-hint = هر خط نشانی در یک خط، حداکثر ۵۰۰ نویسه. در صفحهٔ اصلی و روی رسید نشان داده می‌شود.
admin-settings-org_phone = تلفن
admin-settings-org_phone-hint = رقم، فاصله و + - ( )، برای مثال +1 416 555 0100.
admin-settings-org_email = نشانی ایمیل
admin-settings-org_email-hint = نشانی‌ای که مراجعان می‌توانند به آن بنویسند، برای مثال help@example.org.
admin-settings-org_website = وب‌سایت
admin-settings-org_website-hint = نشانی کامل آن، که با https:// آغاز می‌شود
admin-settings-program_names = نام برنامه‌ها به زبان‌های دیگر
admin-settings-program_names-in = نام برنامه‌ها به { $language }
admin-settings-program_names-hint = هر خط یکی، به شکل id = نام، با شناسه‌های برنامه‌های بالا. برای نشان دادن نام اصلی، نام را خالی بگذارید.
admin-settings-site_names = نام مکان‌ها به زبان‌های دیگر
admin-settings-site_names-in = نام مکان‌ها به { $language }
admin-settings-site_names-hint = هر خط یکی، به شکل id = نام، با شناسه‌های مکان‌های بالا. برای نشان دادن نام اصلی، نام را خالی بگذارید.
admin-error-named-unknown = «{ $id }» در فهرست بالا نیست.
admin-logo-title = لوگو
admin-logo-current = لوگوی کنونی
admin-logo-file = لوگوی تازه
admin-logo-hint = تصویری PNG، JPEG یا WebP با حداکثر { $size } کیلوبایت، با ارتفاع حدود ۴۰ پیکسل در صفحه. SVG پذیرفته نمی‌شود.
admin-logo-submit = بارگذاری لوگو
admin-error-logo-missing = یک فایل تصویری برای بارگذاری انتخاب کنید.
admin-error-logo-type = این فایل تصویر PNG، JPEG یا WebP نیست. فایل دیگری انتخاب کنید.
done-admin-logo-saved = لوگو ذخیره شد.
admin-settings-names = نام‌ها به زبان‌های دیگر

# Witnesses
admin-nav-witnesses = شاهدان
witnesses-title = شاهدان
witnesses-intro = شاهد نهادی مستقل است، مانند یک اتحادیهٔ سازمان‌ها، یک تأمین‌کنندهٔ مالی یا یک سازمان همکار، که نقاط بررسی این دفتر را هم‌امضا می‌کند تا هیچ‌کس، حتی خود این سازمان، نتواند پرونده را بازنویسی کند یا دو نسخه از آن نگه دارد بی‌آنکه دیده شود.
witnesses-list = شاهدانی که از آن‌ها هم‌امضا خواسته می‌شود
witnesses-none = هنوز هیچ شاهدی تنظیم نشده است.
witnesses-url = نشانی
witnesses-url-hint = نشانی وب شاهد، که با https:// یا http:// شروع می‌شود، همان‌طور که شاهد داده است.
witnesses-key = کلید تأیید
witnesses-key-hint = خطی که شاهد به شما داده است («کلید تأیید» او)، مانند name+1a2b3c4d+BASE64. نام آن به‌عنوان نام شاهد نمایش داده می‌شود.
witnesses-key-id = شناسهٔ کلید
witnesses-cosigned = آخرین هم‌امضا
witnesses-cosigned-size = نقطهٔ بررسی با { $size } ورودی، در { $at }
witnesses-cosigned-never = هنوز نه
witnesses-error = آخرین خطا
witnesses-failing = هم‌امضا نمی‌کند
witness-problem-unreachable = دسترسی به شاهد ممکن نیست: اتصالی برقرار نشد یا پاسخی به‌موقع نرسید. دفتر همچنان درخواست می‌کند و ثبت شکایت‌ها در این مدت ادامه دارد.
witness-problem-tls = اتصال امن به شاهد ناموفق بود: این سرور به گواهی آن اعتماد ندارد، یا نشانی اشتباه است.
witness-problem-unknown-log = شاهد این دفتر را با این کلید نمی‌شناسد: کلید تأیید این دفتر را (در صفحهٔ حسابرسی) برای گردانندهٔ شاهد بفرستید.
witness-problem-conflict = شاهد این نقطهٔ بازبینی را رد می‌کند: تاریخچه‌ای را هم‌امضا کرده که این دفتر ادامهٔ آن نیست. آیا دفتر از یک نسخهٔ پشتیبان قدیمی‌تر بازیابی شده است؟ با شاهد تماس بگیرید.
witness-problem-bad-answer = پاسخ شاهد یک هم‌امضای معتبر نیست. نشانی و کلید شاهد را بررسی کنید.
witnesses-configured = محل تنظیم
witnesses-command-line = هنگام راه‌اندازی سرور تنظیم شده است (اینجا قابل حذف نیست)
witnesses-in-settings = در همین صفحه
witnesses-remove = حذف { $name }
witnesses-add = افزودن شاهد
witnesses-add-button = افزودن این شاهد
witnesses-full = تعداد شاهدان به حداکثر رسیده است. برای افزودن شاهد دیگر، یکی را حذف کنید.
witnesses-stale = مدیر دیگری در زمانی که شما در این صفحه بودید تنظیمات را تغییر داد. فهرست زیر را بررسی کنید و دوباره تلاش کنید.
done-witness-added = شاهد افزوده شد. ظرف چند ثانیه از او هم‌امضا خواسته می‌شود.
done-witness-removed = شاهد حذف شد. دیگر از او هم‌امضا خواسته نمی‌شود؛ هم‌امضاهای پیشین او نگه داشته می‌شوند.
witness-error-url = لطفاً نشانی شاهد را وارد کنید که با https:// یا http:// شروع شود، مانند https://witness.example.org.
witness-error-key = این کلید تأیید شاهد نیست. خطی را که شاهد به شما داده است بچسبانید، مانند name+1a2b3c4d+BASE64.
witness-error-duplicate = این شاهد از قبل تنظیم شده است.
witness-error-too-many = حداکثر { $limit } شاهد را می‌توان تنظیم کرد. ابتدا یکی را حذف کنید.
