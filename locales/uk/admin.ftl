# admin: uk
# Українська. DRAFTED BY AN AI ASSISTANT from the English (locales/en/admin.ftl).
# Not reviewed: a fluent Ukrainian speaker must review it before use.
# Administration: staff, roles, keys, settings.
admin-nav = Адміністрування
admin-nav-staff = Працівники
admin-nav-enrol = Зареєструвати працівника
admin-nav-settings = Налаштування
admin-back = Назад до списку працівників
admin-error-summary = Будь ласка, перевірте таке

admin-staff-title = Працівники
admin-staff-intro = Усі зареєстровані люди з їхніми ролями. Виберіть ім'я, щоб змінити ролі, скинути пароль або записати звільнення.
admin-staff-caption = Працівники
admin-name = Ім'я
admin-name-hint = Повне ім'я, як його знають колеги. Тут його бачать лише адміністратори.
admin-login = Ім'я для входу
admin-login-hint = Те, що людина вводить для входу. Без пробілів, наприклад amina.k. Великі літери не мають значення.
admin-roles = Ролі
admin-roles-hint = Виберіть щонайменше одну. Давайте кожній людині лише ті ролі, що потрібні для її роботи.
admin-status = Стан
admin-keys = Активні ключі підпису
admin-active = Працює
admin-departed = Більше не працює
admin-no-roles = Без ролей

admin-role-intake = Приймання
admin-role-intake-hint = Подає скарги від імені клієнтів, підтверджує їх отримання, сортує і призначає кожну рецензентові.
admin-role-reviewer = Розглядач
admin-role-reviewer-hint = Розслідує призначені йому справи, записує висновки й ухвалює рішення, якщо налаштування не залишають кожне рішення голові.
admin-role-chair = Голова комітету
admin-role-chair-hint = Призначає справи, ухвалює рішення, перевіряє коригувальні заходи і закриває справи.
admin-role-board = Правління
admin-role-board-hint = Переглядає панелі показників і затверджує перегляди рамки якості. Не бачить особистих даних, крім скарг на директора чи голову, коли налаштування передають їх правлінню (кожне відкриття записується).
admin-role-admin = Адміністратор
admin-role-admin-hint = Реєструє працівників, змінює ролі та ключі, а також налаштування.
admin-role-auditor = Аудитор
admin-role-auditor-hint = Перевіряє історію справ і реєстр.
admin-role-grant = Надати роль { $role }
admin-role-remove = Забрати роль { $role }

admin-enrol-title = Зареєструвати працівника
admin-enrol-intro = Новий працівник отримує власний ключ підпису і посилання для налаштування, щоб вибрати пароль. Ви побачите посилання один раз, на наступній сторінці.
admin-enrol-submit = Зареєструвати і створити посилання для налаштування
admin-error-name = Введіть ім'я (до 200 символів).
admin-error-login = Введіть ім'я для входу до 100 символів, без пробілів.
admin-error-login-taken = Ім'я для входу { $login } уже зайняте. Виберіть інше.
admin-error-roles = Виберіть щонайменше одну роль.
admin-error-role = Виберіть роль.

admin-link-title = Посилання для налаштування
admin-link-intro-enrolled = { $name } зареєстровано. Дайте цій людині це посилання, щоб вона могла вибрати пароль і увійти:
admin-link-intro-reset = { $name }: ключ замінено, і старий пароль більше не діє. Дайте цій людині це посилання, щоб вона могла вибрати новий пароль:
admin-link-copy = Скопіювати посилання
admin-link-copied = Скопійовано
admin-link-expires = Посилання діє до
admin-link-next = Перш ніж залишити цю сторінку
admin-link-once = Посилання показано лише на цій сторінці. Скопіюйте його зараз.
admin-link-validity = Посилання спрацьовує один раз і діє 7 днів.
admin-link-private = Передайте його людині особисто (при зустрічі або каналом, який читає лише вона). Будь-хто, хто має посилання, може встановити пароль.
admin-link-lost = Якщо посилання загубилося або більше не діє, скиньте пароль, щоб отримати нове.
admin-link-back = Перейти на сторінку цього працівника

admin-person-title = Працівник
admin-role = Роль
admin-held = Має цю роль
admin-held-yes = Так
admin-held-no = Ні
admin-change = Змінити
admin-roles-caption = Ролі цього працівника
admin-roles-change-hint = Зміни діють одразу, з наступної сторінки, яку відкриє працівник.
admin-last-admin = В організації має залишатися щонайменше один адміністратор. Спочатку надайте роль адміністратора комусь іншому.
admin-rotate-title = Скинути пароль і замінити ключ підпису
admin-rotate-intro = Використовуйте це, коли людина забула пароль або її ключ може бути відомий комусь іншому. Її поточні ключі відкликаються, з усіх пристроїв виконується вихід, а ви отримуєте для неї нове посилання для налаштування.
admin-rotate-self = Це ваш власний обліковий запис: вас теж буде виведено з системи.
admin-rotate-reason = Причина
admin-rotate-reason-hint = Наприклад, «забутий пароль». Це записується в реєстр, який читають аудитори: не пишіть особистих даних.
admin-rotate-submit = Скинути пароль і створити посилання для налаштування
admin-error-reason = Введіть причину (до 500 символів).
admin-depart-title = Записати звільнення
admin-depart-intro = Коли людина залишає організацію. Її ролі та ключі відкликаються, виконується вихід із системи, і вона більше не може увійти. Це неможливо скасувати: якщо людина повернеться, зареєструйте її знову.
admin-depart-confirm = Я підтверджую, що ця людина залишила організацію.
admin-depart-submit = Записати звільнення
admin-error-confirm = Позначте поле, щоб підтвердити звільнення.
admin-departed-note = Ця людина залишила організацію. Її ключі відкликано, і вона не може увійти.

admin-settings-title = Налаштування
admin-settings-intro = Ці налаштування застосовуються до кожного нового кроку в кожній справі. Кожна зміна записується в реєстр.
admin-settings-targets = Цільові строки
admin-settings-acknowledge_business_days = Строк підтвердження (робочі дні)
admin-settings-acknowledge_business_days-hint = Робочі дні на підтвердження отримання скарги, від 1 до 30.
admin-settings-decide_calendar_days = Строк рішення (календарні дні)
admin-settings-decide_calendar_days-hint = Дні на ухвалення рішення щодо скарги, від 1 до 365.
admin-settings-appeal_window_days = Строк оскарження (календарні дні)
admin-settings-appeal_window_days-hint = Дні після рішення, протягом яких клієнт може його оскаржити, від 1 до 365.
admin-settings-calendar = Календар
admin-settings-time_zone = Часовий пояс
admin-settings-time_zone-hint = Назва часового поясу організації, наприклад America/Toronto або America/Vancouver.
admin-settings-holiday_jurisdiction = Офіційні свята
admin-settings-holiday_jurisdiction-hint = Чиї офіційні свята не є робочими днями.
admin-settings-extra_holidays = Інші неробочі дні
admin-settings-extra_holidays-hint = Дні, коли організація зачинена, по одній даті в рядку, у форматі 2025-12-24.
admin-settings-removed_holidays = Свята, коли ви працюєте
admin-settings-removed_holidays-hint = Офіційні свята, коли організація все ж працює, по одній даті в рядку, у форматі 2025-08-04.
admin-settings-languages = Доступні мови
admin-settings-languages-hint = Мови сайту і форми скарги.
admin-settings-default_language = Мова за замовчуванням
admin-settings-default_language-hint = Показується відвідувачам, чий браузер не просить жодної з доступних мов.
admin-settings-organization = Програми, місця і рамка якості
admin-settings-programs = Програми
admin-settings-programs-hint = По одній у рядку, у форматі id = Назва, наприклад: linc = Мовне навчання (LINC). Id складається з малих літер, цифр, - або _, і його не слід змінювати після використання.
admin-settings-sites = Місця
admin-settings-sites-hint = По одному в рядку, у форматі id = Назва, наприклад: main = Головний офіс.
admin-settings-framework = Рамка якості
admin-settings-framework-hint = Id рамки, що використовується. Вбудована рамка — { $id }.
admin-settings-privacy = Особисті дані
admin-settings-retention_days = Зберігати особисті дані (днів після закриття)
admin-settings-retention_days-hint = Після цього особисті дані справи стираються. Від 30 до 36500 днів.
admin-settings-submit = Зберегти налаштування
admin-settings-stale = Інший адміністратор змінив налаштування, поки ви їх редагували. Порівняйте свої значення нижче з їхніми і збережіть ще раз.
admin-error-number = введіть ціле число.
admin-error-date = «{ $line }» — це не дата. Пишіть по одній даті в рядку, наприклад 2025-12-24.
admin-error-named = рядок «{ $line }» не записано у форматі id = Назва.
admin-error-default-language = виберіть одну з доступних мов.

done-admin-role-granted = Роль надано.
done-admin-role-revoked = Роль забрано.
done-admin-departed = Звільнення записано. Ключі відкликано, вихід із системи виконано.
done-admin-settings-saved = Налаштування збережено.
done-admin-settings-unchanged = Нічого не змінено.

# Names of the holiday jurisdictions (English uses the names in projections/src/holiday.rs).
admin-jurisdiction-federal = Федеральні (Трудовий кодекс Канади)
admin-jurisdiction-ab = Альберта
admin-jurisdiction-bc = Британська Колумбія
admin-jurisdiction-mb = Манітоба
admin-jurisdiction-nb = Нью-Брансвік
admin-jurisdiction-nl = Ньюфаундленд і Лабрадор
admin-jurisdiction-ns = Нова Шотландія
admin-jurisdiction-nt = Північно-Західні території
admin-jurisdiction-nu = Нунавут
admin-jurisdiction-on = Онтаріо
admin-jurisdiction-pe = Острів Принца Едварда
admin-jurisdiction-qc = Квебек
admin-jurisdiction-sk = Саскачеван
admin-jurisdiction-yt = Юкон

## decisions
admin-settings-chair_decides = Рішення щодо скарг ухвалює лише голова
admin-settings-chair_decides-hint = Призначений рецензент розслідує і записує висновки; голова їх читає і ухвалює рішення. Якщо не позначено, призначений рецензент теж може ухвалювати рішення.

## route
admin-settings-escalation = Скарги на директора або голову
admin-settings-escalation-hint = Скаргу на людину, яка керує організацією, або на голову комітету зі скарг передають далі: усіх голів і директора від неї відсторонюють.
admin-settings-director = Директор (якщо має обліковий запис)
admin-settings-director-hint = Відсторонений від переданих скарг, як і всі голови.
admin-settings-nobody = Ніхто
admin-settings-external_reviewer = Хто розглядає передані скарги
admin-settings-external_reviewer-hint = Правління або один обліковий запис поза комітетом, наприклад рецензент з організації-партнера. Не голова і не директор.
admin-settings-route-board = Правління
admin-settings-board-data = Коли передані скарги розглядає правління, його члени мають права комітету лише щодо цих скарг: призначають, вирішують, закривають і відкривають їхні справи (кожне відкриття записується, і клієнт його бачить). Тож правління бачить особисті дані лише цих скарг.
admin-settings-show_opener_names = Показувати клієнтам імена працівників, які відкривали справу
admin-settings-show_opener_names-hint = Без позначки клієнти бачать роль і причину кожного відкриття. З позначкою — також ім’я.
admin-error-staff = виберіть когось зі списку
## identity
admin-settings-identity = Організація такою, якою її бачать клієнти
admin-settings-org_name = Назва організації
admin-settings-org_name-hint = Показується вгорі кожної сторінки, на головній сторінці та на квитанції. До 200 символів.
admin-settings-org_name_in = Назва мовою { $language } (якщо інша)
admin-settings-org_names = Назва іншою мовою
admin-settings-org_address = Поштова адреса
admin-settings-org_address-hint = Один рядок на кожен рядок адреси, до 500 символів. Показується на головній сторінці та на квитанції.
admin-settings-org_phone = Телефон
admin-settings-org_phone-hint = Цифри, пробіли та + - ( ), наприклад +1 416 555 0100.
admin-settings-org_email = Електронна пошта
admin-settings-org_email-hint = Адреса, на яку клієнти можуть писати, наприклад help@example.org.
admin-settings-org_website = Вебсайт
admin-settings-org_website-hint = Його повна адреса, що починається з https://
admin-settings-program_names = Назви програм іншими мовами
admin-settings-program_names-in = Назви програм мовою { $language }
admin-settings-program_names-hint = По одній у рядку, у форматі id = Назва, з id програм вище. Залиште назву порожньою, щоб показати основну назву.
admin-settings-site_names = Назви місць іншими мовами
admin-settings-site_names-in = Назви місць мовою { $language }
admin-settings-site_names-hint = По одній у рядку, у форматі id = Назва, з id місць вище. Залиште назву порожньою, щоб показати основну назву.
admin-error-named-unknown = у списку вище немає «{ $id }».
admin-logo-title = Логотип
admin-logo-current = Поточний логотип
admin-logo-file = Новий логотип
admin-logo-hint = Зображення PNG, JPEG або WebP розміром до { $size } КБ, близько 40 пікселів заввишки на сторінці. SVG не приймається.
admin-logo-submit = Завантажити логотип
admin-error-logo-missing = Виберіть файл зображення для завантаження.
admin-error-logo-type = Цей файл не є зображенням PNG, JPEG або WebP. Виберіть інший.
done-admin-logo-saved = Логотип збережено.
admin-settings-names = Назви іншими мовами

# Witnesses
admin-nav-witnesses = Свідки
witnesses-title = Свідки
witnesses-intro = Свідок — це незалежна організація, наприклад об'єднання організацій, донор або партнерська агенція, яка співпідписує контрольні точки цього реєстру, щоб ніхто, навіть ця організація, не міг непомітно переписати запис чи вести дві його версії.
witnesses-list = Свідки, яких просять співпідписувати
witnesses-none = Жодного свідка ще не налаштовано.
witnesses-url = Адреса
witnesses-url-hint = Вебадреса свідка, що починається з https:// або http://, як її надав свідок.
witnesses-key = Ключ перевірки
witnesses-key-hint = Рядок, який надав вам свідок (його «ключ перевірки»), наприклад name+1a2b3c4d+BASE64. Його назва показується як ім'я свідка.
witnesses-key-id = Ідентифікатор ключа
witnesses-cosigned = Останній співпідпис
witnesses-cosigned-size = Контрольна точка з { $size } записів, { $at }
witnesses-cosigned-never = Ще ні
witnesses-error = Остання помилка
witnesses-failing = Не співпідписує
witness-problem-unreachable = Свідок недоступний: немає з'єднання або відповіді вчасно. Реєстр далі надсилає запити, а скарги тим часом реєструються.
witness-problem-tls = Не вдалося встановити захищене з'єднання зі свідком: цей сервер не довіряє його сертифікату, або адреса неправильна.
witness-problem-unknown-log = Свідок не знає цього реєстру з таким ключем: надішліть операторові свідка ключ перевірки цього реєстру (на сторінці аудиту).
witness-problem-conflict = Свідок відхиляє цю контрольну точку: він співпідписав історію, яку цей реєстр не продовжує. Чи не було реєстр відновлено зі старішої резервної копії? Зверніться до свідка.
witness-problem-bad-answer = Відповідь свідка не є дійсним співпідписом. Перевірте адресу та ключ свідка.
witnesses-configured = Де налаштовано
witnesses-command-line = Задано під час запуску сервера (тут не можна видалити)
witnesses-in-settings = На цій сторінці
witnesses-remove = Видалити { $name }
witnesses-add = Додати свідка
witnesses-add-button = Додати цього свідка
witnesses-full = Налаштовано максимальну кількість свідків. Видаліть одного, щоб додати іншого.
witnesses-stale = Інший адміністратор змінив налаштування, поки ви були на цій сторінці. Перевірте список нижче й спробуйте ще раз.
done-witness-added = Свідка додано. Його попросять співпідписати за кілька секунд.
done-witness-removed = Свідка видалено. Його більше не просять; його попередні співпідписи збережено.
witness-error-url = Вкажіть адресу свідка, що починається з https:// або http://, наприклад https://witness.example.org.
witness-error-key = Це не ключ перевірки свідка. Вставте рядок, який надав вам свідок, наприклад name+1a2b3c4d+BASE64.
witness-error-duplicate = Цього свідка вже налаштовано.
witness-error-too-many = Можна налаштувати щонайбільше { $limit } свідків. Спершу видаліть одного.
