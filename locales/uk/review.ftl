# Перевірки відповідності рамці якості: сторінки комітету й правління, звіт для друку та
# експорт.
nav-reviews = Перевірки рамки

review-list-title = Перевірки рамки якості
review-list-intro = Кожна перевірка оцінює рамку якості, пункт за пунктом, за цифрами, які реєстр дає за період. Комітет оцінює кожен пункт; правління затверджує перевірку.
review-list-none = Жодної перевірки ще не відкрито.
review-list-caption = Усі перевірки, від найновішого періоду
review-col-period = Період
review-col-scope = Обсяг
review-col-status = Стан
review-col-opened = Відкрито
review-col-approved = Затверджено
review-scope-all = Уся рамка
review-area-unknown = Пункти, яких більше немає в рамці

review-status-new = Не відкрито
review-status-open = Відкрито
review-status-submitted = Подано правлінню
review-status-approved = Затверджено

review-open-title = Відкрити перевірку
review-open-area-title = Відкрити перевірку напряму для цього пункту
review-open-hint = Цифри обчислюються з реєстру в тому стані, у якому він є під час відкриття перевірки, і зберігаються разом із нею.
review-open-kind = Тривалість періоду
review-kind-quarter = Квартал
review-kind-half-year = Півріччя
review-kind-year = Рік
review-open-kind-show = Показати періоди такої тривалості
review-open-legend = Перевірка
review-open-period = Період (обов’язково)
review-period-option = { $label } (з { $from } по { $to })
review-open-area = Обсяг
review-open-area-all = Уся рамка
review-open-submit = Відкрити перевірку
review-open-origin = Ця перевірка напряму продовжує пункт { $item } перевірки за { $period }.
review-invalid-period = Виберіть один із наведених періодів: такий, що вже почався і вирівняний за роком організації.

review-title = Перевірка рамки
review-report-title = Звіт про перевірку рамки
review-report-draft = Чернетка: цю перевірку ще не затверджено.
review-fact-period = Період
review-fact-scope = Обсяг
review-fact-status = Стан
review-fact-opened = Відкрито
review-opened-by = { $name }, { $when }
review-fact-origin = Відкрито на продовження
review-origin = пункту { $item } попередньої перевірки
review-fact-pinned = Контрольна точка реєстру
review-pinned-size = Записів:
review-pinned-root = Корінь:
review-pinned-hint = Цифри нижче обчислено з перших { $size } записів реєстру, корінь Меркла яких показано вище. Будь-хто з експортом реєстру може обробити ці записи, перевірити корінь і перерахувати кожну цифру командою: recourse review recompute
review-fact-framework = Рамка
review-framework = версія { $version }, файл SHA-256 { $sha256 }
review-framework-unknown = Версію не записано
review-fact-previous = Порівняно з
review-previous-none = Немає попередньої затвердженої перевірки такого обсягу.
review-final = Цю перевірку затверджено: вона остаточна й більше не змінюється.
review-download = Завантажити
review-print = Звіт для друку
review-download-csv = Цифри й оцінки (CSV)
review-download-json = Уся перевірка (JSON)
review-back = Назад до перевірки
review-back-list = Усі перевірки рамки

review-item-figures = Цифри за період
review-col-measure = Показник
review-col-value = Значення
review-col-trend = Попередня перевірка
review-see-cases = Переглянути справи
review-share = { $count } з { $of } ({ $pct } %)
review-share-empty = { $count } з { $of }
review-average = { $average } / 5 (відповідей: { $answers })
review-average-none = Немає відповідей
review-trend-up = зросло з { $value }
review-trend-down = знизилося з { $value }
review-trend-same = без змін ({ $value })
review-trend-was = раніше { $value }
review-trend-new = раніше не вимірювалося

review-measure-complaints = Отримані скарги
review-measure-acknowledged-on-time = Підтверджені вчасно
review-measure-decided-on-time = Вирішені вчасно
review-measure-decided = Вирішені (або відкликані)
review-measure-appeals = Оскаржені
review-measure-satisfaction = Задоволеність клієнтів
review-measure-explained = Клієнти, яким рішення пояснили
review-measure-fair = Клієнти, які вважають процес справедливим
review-measure-outsider-openings = Відкриття справ працівниками, які не ведуть справу
review-measure-citing-right = Скарги з посиланням на право: { $right }
review-measure-recusals = Самовідводи через конфлікт інтересів
review-measure-named-staff = Скарги, що називають працівника
review-measure-actions-verified-on-time = Коригувальні заходи, перевірені вчасно
review-measure-systemic-verified-on-time = Системні дії, перевірені вчасно
review-measure-tagged-complaints = Скарги щодо цього пункту
review-measure-tagged-findings = Висновки щодо цього пункту
review-measure-tagged-actions = Коригувальні заходи для цього пункту
review-measure-tagged-systemic = Системні дії для цього пункту

review-rating = Оцінка
review-rating-met = Виконано
review-rating-partly-met = Виконано частково
review-rating-not-met = Не виконано
review-rating-not-applicable = Не застосовується
review-unrated = Ще не оцінено.
review-rated-by = оцінка: { $name }, { $when }
review-rated-times = оцінено разів: { $count }
review-reasons = Обґрунтування
review-previous = Попередня перевірка
review-previous-rating = Оцінка: { $rating }
review-previous-unrated = Не оцінено
review-attestations = Засвідчення
review-attested-by = засвідчив(-ла) { $name }, { $when }
review-document = Збережений документ: { $name } ({ $size } байтів, SHA-256 { $sha256 })
review-follow-ups = Подальші дії
review-follow-up-systemic = Системна дія: { $title }
review-follow-up-area = Перевірка напряму: { $review }
review-needs-follow-up = Цей пункт виконано частково або не виконано: потрібна подальша дія (системна дія або перевірка напряму), перш ніж подати перевірку.
review-open-systemic = Відкрити системну дію для цього пункту
review-open-area-review = Відкрити перевірку напряму для цього пункту

review-text-hint = Записується у реєстр відкритим текстом: пишіть про організацію, ніколи про клієнта. Не більше { $limit } символів.
review-rate-legend = Оцінити цей пункт
review-rate-rating = Оцінка (обов’язково)
review-rate-reasons = Обґрунтування (обов’язково)
review-rate-submit = Записати оцінку
review-attest-legend = Засвідчити для цього пункту
review-attest-hint = Для того, чого не показують дані реєстру: чинне страхування, проведене навчання, безоплатні послуги.
review-attest-statement = Заява (обов’язково)
review-attest-submit = Записати засвідчення

review-submit-title = Подати правлінню
review-submit-ready = Кожен пункт оцінено, і для кожного недоліку є подальша дія: перевірку можна подати.
review-submit-blocked = Перевірку ще не можна подати:
review-blocker-unrated = { $item }: ще не оцінено
review-blocker-follow-up = { $item }: виконано частково або не виконано, подальшої дії ще немає
review-submit = Подати перевірку правлінню

review-board-title = Рішення правління
review-board-hint = Затвердьте перевірку або поверніть її комітету, пояснивши, що переглянути.
review-return-legend = Повернути комітету
review-comments-required = Коментарі (обов’язково)
review-return = Повернути перевірку
review-approve-legend = Затвердити
review-comments-optional = Коментарі (необов’язково)
review-approve = Затвердити перевірку

review-history = Історія
review-history-opened = Відкрив(-ла): { $name }
review-history-submitted = Подав(-ла) правлінню: { $name }
review-history-returned = Повернув(-ла) комітету: { $name }
review-history-approved = Затвердив(-ла): { $name }

review-cases-title = Справи за цифрою
review-cases-item = Пункт
review-cases-recorded = Записано з перевіркою
review-cases-now = Станом на зараз
review-cases-note = Справи наведено за реєстром у теперішньому стані; записана цифра відповідає контрольній точці перевірки ({ $size } записів), тож вони різняться, якщо справи відтоді змінилися.
review-cases-none = Жодної справи.
review-cases-bad = Вкажіть пункт і показник.

done-review-opened = Перевірку відкрито.
done-review-rate = Оцінку записано.
done-review-attest = Засвідчення записано.
done-review-submit = Перевірку подано правлінню.
done-review-return = Перевірку повернуто комітету.
done-review-approve = Перевірку затверджено.

# Відмови правил щодо перевірок і системних дій.
rule-not-now = Перевірка або системна дія у стані «{ $status ->
        [new] не відкрито
        [open] відкрито
        [submitted] подано
        [approved] затверджено
        [completed] завершено
        [verified] перевірено
       *[other] { $status }
    }» не дозволяє цього: { $action ->
        [open-a-review] відкрити перевірку
        [rate-an-item] оцінити пункт
        [attest] засвідчити
        [submit] подати
        [return] повернути
        [approve] затвердити
        [open-a-systemic-action] відкрити системну дію
        [record-progress] записати поступ
        [complete-a-systemic-action] позначити системну дію виконаною
        [verify-a-systemic-action] перевірити системну дію
       *[other] { $action }
    }.
rule-review-final = Цю перевірку затверджено: вона остаточна й більше не змінюється.
rule-unrated = Не оцінено пунктів: { $count }. Оцініть кожен пункт перед поданням.
rule-follow-up-needed = Пункт { $item } виконано частково або не виконано: спершу відкрийте системну дію або перевірку напряму.
rule-not-in-scope = Пункт { $item } не входить до цієї перевірки.
rule-unknown-review = Перевірки { $review } не існує.
rule-own-work = Це має зробити інша людина: { $what ->
        [approve-a-review-you-submitted] затвердити перевірку, яку вона не подавала
        [verify-an-action-you-own-or-completed] перевірити дію, за яку вона не відповідає і яку не завершувала
       *[other] { $what }
    }.
rule-forbidden-open-review = Не дозволено: лише голова відкриває перевірку рамки.
rule-forbidden-rate-item = Не дозволено: лише члени комітету оцінюють пункти рамки.
rule-forbidden-attest = Не дозволено: лише члени комітету засвідчують для перевірки.
rule-forbidden-submit-review = Не дозволено: лише голова подає перевірку правлінню.
rule-forbidden-board-review = Не дозволено: лише правління повертає або затверджує перевірку.
rule-forbidden-systemic-staff = Не дозволено: над системними діями працює лише персонал.
rule-forbidden-open-systemic = Не дозволено: лише голова відкриває системну дію.
rule-forbidden-systemic-progress = Не дозволено: лише відповідальний або голова записують поступ системної дії.
rule-forbidden-verify-systemic = Не дозволено: лише голова або аудитор перевіряють системну дію.
