# transparency: uk
# Українська. DRAFTED BY AN AI ASSISTANT from the English (locales/en/transparency.ftl).
# Not reviewed: a fluent Ukrainian speaker must review it before the organization relies on it.
# Публічний звіт про прозорість і сторінка правління для його публікації.

transparency-title = Звіт про прозорість
transparency-lead = Щороку або кожні три місяці ми публікуємо, що сталося зі скаргами, які ми отримали: скільки їх було, як швидко ми відповіли, що вирішили і що змінили в результаті. За цими цифрами нікого не можна впізнати.
transparency-period = Період
transparency-suppression-note = Щоб захистити людей, які подали скарги, ми ніколи не показуємо число, менше за 5, а також приховуємо ще одне число, якщо за загальною сумою його можна було б вирахувати.
transparency-others = Попередні звіти
transparency-none = Ще не опубліковано жодного звіту.
transparency-figures-caption = Скарги, отримані за період
transparency-col-what = Що
transparency-col-count = Кількість
transparency-suppressed = не показано (малі числа)
transparency-line-received = Отримано скарг
transparency-line-outcome-upheld = Задоволено
transparency-line-outcome-partly_upheld = Частково задоволено
transparency-line-outcome-not_upheld = Не задоволено
transparency-line-outcome-resolved_early = Вирішено на ранньому етапі
transparency-line-outcome-referred_out_of_scope = Передано в інше місце (поза межами наших послуг)
transparency-line-outcome-withdrawn = Людина сама відкликала скаргу
transparency-line-outcome-pending = Ще не вирішено
transparency-line-acknowledged-total = Підтверджено отримання
transparency-line-acknowledged-on-time = Отримання підтверджено вчасно
transparency-line-acknowledged-late = Отримання підтверджено із запізненням
transparency-line-decided-total = Ухвалено рішення
transparency-line-decided-on-time = Рішення ухвалено вчасно
transparency-line-decided-late = Рішення ухвалено із запізненням
transparency-line-appealed-total = Рішення
transparency-line-appealed-yes = Оскаржено
transparency-line-appealed-no = Не оскаржено
transparency-line-fair-total = Люди, які відповіли на наше опитування
transparency-line-fair-yes = Сказали, що процес був справедливим
transparency-line-fair-no = Сказали, що процес був несправедливим
transparency-line-systemic-opened = Розпочаті зміни (системні коригувальні заходи)
transparency-line-systemic-verified = Завершені й перевірені зміни
transparency-systemic-title = Що ми змінюємо
transparency-systemic-none = За цей період не було розпочато чи завершено жодної зміни в масштабах усієї організації.
transparency-systemic-new = не розпочато
transparency-systemic-open = триває
transparency-systemic-completed = завершено, перевіряється
transparency-systemic-verified = завершено й перевірено
transparency-review-title = Як ми оцінюємо себе за стандартом якості
transparency-review-intro = Наша остання самооцінка, затверджена правлінням, за період
transparency-review-none = Правління ще не затвердило жодної оцінки за стандартом якості.
transparency-col-item = Практика
transparency-col-rating = Наша оцінка
transparency-rating-met = Виконано
transparency-rating-partly_met = Виконано частково
transparency-rating-not_met = Не виконано
transparency-rating-not_applicable = Не застосовується
transparency-unrated = Не оцінено
transparency-pinned = Ці цифри взято з підписаного реєстру з таким розміром і коренем, тож будь-хто, хто має експортовану копію, може їх перевірити:
transparency-board-title = Опублікувати звіт про прозорість
transparency-board-lead = Виберіть період і перевірте звіт. Під час публікації звіт підписується і розміщується на загальнодоступній сторінці; після цього його не можна змінити.
transparency-preview = Попередній перегляд
transparency-preview-title = Попередній перегляд звіту за
transparency-publish-warning = Під час публікації цей звіт записується до реєстру з вашим підписом і стає видимим для всіх.
transparency-publish = Опублікувати цей звіт
transparency-board-only = Лише член правління може опублікувати звіт.
transparency-bad-period = Виберіть один із запропонованих періодів.
footer-transparency = Скарги, які ми отримали: звіт про прозорість

## flow
transparency-published-on = { $period }, опубліковано { $date }
