# board: uk
# Українська. DRAFTED BY AN AI ASSISTANT from the English (locales/en/board.ftl).
# Not reviewed: a fluent Ukrainian speaker must review it before the board relies on it.
# The board's dashboard. Plain language: board members are volunteers, not analysts.
# Variables in { $braces } are filled in by the page; keep them.
board-title = Панель показників для правління
board-intro = Ці цифри стосуються скарг, які ми отримали, і того, як ми їх розглянули. Вони ніколи не показують, хто скаржився, що написав і хто розглядав справу.
board-period-legend = Які скарги?
board-granularity = Показати цифри за
board-granularity-month = місяцями
board-granularity-quarter = кварталами (3 місяці)
board-granularity-year = роками
board-from = Перший день
board-to = Останній день
board-date-hint = Рік-місяць-день, наприклад 2025-01-31.
board-show = Показати цифри
board-errors-title = Будь ласка, перевірте період
board-error-granularity = Виберіть місяць, квартал або рік.
board-error-from = Введіть перший день як рік-місяць-день, наприклад 2025-01-01.
board-error-to = Введіть останній день як рік-місяць-день, наприклад 2025-12-31.
board-error-order = Перший день має бути раніше за останній або тим самим днем.
board-error-too-long = Період може тривати щонайбільше { $years ->
        [one] { $years } рік
        [few] { $years } роки
       *[other] { $years } років
    }. Виберіть коротший період.
board-range = Скарги, отримані з { $from } по { $to }.
board-cohort-note = Кожна скарга враховується в тому періоді, коли її отримали, разом з усім, що з нею відбулося відтоді. Коригувальні заходи і конфлікти інтересів враховуються в тому періоді, коли вони сталися.
board-download = Завантажити ці цифри
board-download-csv = Електронна таблиця (CSV)
board-download-json = Файл даних (JSON)
board-show-table = Показати числа таблицею
board-no-data = немає даних
board-total = Усього
board-partial = (частина періоду)
board-pct = { $n }%
board-of = { $part } з { $whole }
board-out-of-5 = { $n } з 5
board-quarter-short = { $n } кв.
board-month-1 = січ.
board-month-2 = лют.
board-month-3 = бер.
board-month-4 = квіт.
board-month-5 = трав.
board-month-6 = черв.
board-month-7 = лип.
board-month-8 = серп.
board-month-9 = вер.
board-month-10 = жовт.
board-month-11 = лист.
board-month-12 = груд.
board-period-column = Період

# Key figures
board-key-title = Коротко
board-targets = Наші цілі: підтвердити отримання скарги протягом { $ack } робочих днів і ухвалити рішення протягом { $decide } днів.
board-key-received = Отримано скарг
board-key-open = Ще розглядаються
board-key-decided = Ухвалено рішення
board-key-ack-on-time = Отримання підтверджено вчасно
board-key-decided-on-time = Рішення ухвалено вчасно
board-key-overdue = Прострочені коригувальні заходи
board-key-rating = Середня задоволеність

# Section headings
board-section-volumes = Скільки скарг
board-section-timeliness = Як швидко ми відповідаємо
board-section-outcomes = Що ми вирішили
board-section-topics = Чого стосуються скарги
board-section-satisfaction = Що думають клієнти
board-section-safeguards = Справедливість і приватність
board-section-breakdowns = Подробиці за програмою, місцем і клієнтом

# Charts: title (figure caption) and a sentence saying how to read it
board-chart-volumes = Отримані й ще відкриті скарги, за періодами
board-chart-volumes-read = Кожна пара стовпців — це один період. Суцільні стовпці: отримані скарги. Заштриховані стовпці: ті з них, що ще розглядаються сьогодні.
board-series-received = Отримано
board-series-open = Ще відкриті
board-chart-timeliness = Частка скарг, розглянутих у межах наших цілей
board-chart-timeliness-read = Що вище, то краще. 100% означає, що кожна скарга вклалася в ціль.
board-series-ack-on-time = Отримання підтверджено в межах цілі
board-series-decided-on-time = Рішення ухвалено в межах цілі
board-chart-ack-days = Робочі дні до підтвердження отримання скарги
board-chart-ack-days-read = Типова скарга (медіана) і найповільніша десята частина (9 з 10 скарг були швидшими). Пунктирна лінія — наша ціль.
board-chart-decide-days = Дні до ухвалення рішення
board-chart-decide-days-read = Типова скарга (медіана) і найповільніша десята частина (9 з 10 скарг були швидшими). Пунктирна лінія — наша ціль.
board-series-median = Типово (медіана)
board-series-p90 = 9 з 10 швидше ніж за
board-series-target = Ціль: { $n }
board-chart-outcomes = Рішення, за результатом
board-chart-outcomes-read = Скарги, отримані в цьому періоді, за рішенням, чинним сьогодні.
board-outcome-upheld = Задоволено: клієнт мав рацію
board-outcome-partly_upheld = Задоволено частково
board-outcome-not_upheld = Не задоволено
board-outcome-resolved_early = Вирішено на ранньому етапі за домовленістю
board-outcome-referred_out_of_scope = Передано до іншої організації
board-outcome-withdrawn = Відкликано клієнтом
board-chart-actions = Коригувальні заходи: зміни, які ми пообіцяли зробити
board-chart-actions-read = Відкриті, перевірені як виконані або скасовані в цьому періоді. Прострочені: досі не виконані після свого строку.
board-actions-opened = Відкрито
board-actions-verified = Перевірено як виконані
board-actions-waived = Скасовано (більше не потрібні)
board-actions-overdue = Прострочено
board-chart-rights = Права клієнтів, яких стосуються скарги
board-chart-rights-read = Скарги щодо кожного права з Кодексу прав клієнтів на послуги. Одна скарга може стосуватися кількох прав.
board-chart-areas = Напрями рамки якості, яких стосуються скарги
board-chart-areas-read = Скарги щодо кожного напряму рамки якості. Одна скарга може стосуватися кількох напрямів.
board-unknown-area = Немає в чинній рамці
board-chart-satisfaction = Задоволеність клієнтів
board-chart-satisfaction-read = Відповідей клієнтів після рішення: { $n }.
board-satisfaction-rating = Середня оцінка
board-satisfaction-explained = Сказали, що їм пояснили рішення
board-satisfaction-fair = Сказали, що розгляд був справедливим
board-chart-rates = Оскарження і повторно відкриті скарги
board-chart-rates-read = Оскарження: частка скарг із рішенням, які клієнт оскаржив. Повторно відкриті: частка скарг із рішенням або відкликаних, які відкрили знову.
board-rate-appeal = Оскаржено
board-rate-reopen = Відкрито знову
board-chart-recusals = Заявлені конфлікти інтересів, за періодами
board-chart-recusals-read = Кожен випадок, коли член комітету відмовився від справи через конфлікт інтересів.
board-series-recusals = Заявлено конфліктів
board-chart-privacy = Анонімні клієнти і доступ до особистих даних
board-chart-privacy-read = Анонімні клієнти, які повернулися за своїм кодом скарги; і як часто працівники, що не мали стосунку до справи, відкривали її особисті дані (кожне відкриття записується).
board-privacy-returned = Анонімні клієнти, які повернулися
board-privacy-outsider = Відкриття особистих даних працівниками поза справою
board-privacy-erased = Скарги, особисті дані яких стерто

# Breakdown tables
board-breakdowns-intro = За весь період. Одна скарга може враховуватися за кількома правами або напрямами рамки.
board-dim-program = За програмою
board-dim-site = За місцем
board-dim-service_stream = За видом послуги
board-dim-channel = За способом надходження скарги
board-dim-language = За мовою клієнта
board-dim-right = За правом клієнта
board-dim-framework_area = За напрямом рамки якості
board-col-name = Назва
board-col-received = Отримано
board-col-open = Ще відкриті
board-col-ack-on-time = Підтверджено вчасно
board-col-decided-on-time = Вирішено вчасно
board-col-median-decide = Типово днів до рішення
board-col-appeal-rate = Оскаржено
board-col-actions = Відкрито коригувальних заходів
board-col-rating = Середня задоволеність
board-breakdown-empty = У цьому періоді скарг немає.
board-suppressed = не показано
board-fewer-than = менше ніж { $n }
board-suppressed-note = Щоб захистити приватність клієнтів, групу з менше ніж { $n } скарг не показано, як і жодного з її показників. Там, де групи разом дають загальну кількість (програми, місця, види послуг, способи надходження скарг, мови), за потреби разом із нею приховано й інші групи, щоб її не можна було вивести із загальної кількості.
board-unspecified = Не вказано
board-channel-web = Вебформа
board-channel-phone = Телефон
board-channel-in_person = Особисто
board-channel-email = Електронна пошта
board-channel-referral = Скерування
board-col-acknowledged = Отримання підтверджено
board-col-responses = Відповіді
board-col-share = Частка
board-col-appealed = Оскаржено (скарг)
board-col-reopened = Відкрито знову (скарг)
board-col-anonymous = Анонімні скарги
board-col-views = Відкриття особистих даних
board-col-outsider-views = Працівниками поза справою
