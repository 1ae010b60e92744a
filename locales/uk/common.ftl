# common: uk
# Українська. DRAFTED BY AN AI ASSISTANT from the English (locales/en/common.ftl).
# Not reviewed: a fluent Ukrainian speaker must review every message before use with clients.
site-name = Recourse
skip-to-content = Перейти до змісту
nav-languages = Мови
nav-staff = Працівники
nav-queue = Черга справ
nav-file = Подати скаргу від імені клієнта
nav-board = Панель показників
nav-admin = Адміністрування
nav-password = Змінити пароль
nav-sign-out = Вийти
footer-ledger = Кожен крок кожної скарги записується в підписаний реєстр, який будь-хто може перевірити.
footer-checkpoint = Остання контрольна точка реєстру
footer-staff = Вхід для працівників
error-title = Щось пішло не так
error-not-found = Ми не знайшли цієї сторінки.
error-forbidden = Вам не дозволено це робити.
error-bad-request = Будь ласка, перевірте, що ви ввели.
error-conflict = Зараз цього зробити не можна.
error-too-many = Забагато спроб. Будь ласка, зачекайте кілька хвилин і спробуйте ще раз.
error-too-many-wait = Забагато спроб. Будь ласка, зачекайте { $minutes ->
        [one] { $minutes } хвилину
        [few] { $minutes } хвилини
       *[other] { $minutes } хвилин
    } і спробуйте ще раз.
error-csrf = Термін дії цієї форми минув. Будь ласка, поверніться назад, оновіть сторінку і спробуйте ще раз.
error-internal = Щось пішло не так з нашого боку. Нічого не записано. Будь ласка, спробуйте ще раз.
error-home = На головну сторінку
error-role = Ваша роль не дозволяє цього.
done-generic = Готово.
yes = Так
no = Ні
error-too-many-title = Зачекайте, перш ніж спробувати знову
error-restricted = Доступ до цієї справи обмежено: відкрити її файл можуть лише призначений рецензент, голова та працівники прийому. Вашу спробу зафіксовано.

## audit
nav-audit = Аудит
## attach
attachment-title = Документи та фото
attachment-none-yet = Файлів ще не додано.
attachment-erased = Стерто
attachment-open = Відкрити файл
attachment-open-hint = Відкриття файлу записується в журнал доступу разом із метою, перш ніж його завантажено.
attachment-download = Завантажити
attachment-add = Додати документ або фото
attachment-file = Файл
attachment-file-hint = Фото (PNG, JPEG або WebP) або документ PDF, щонайбільше { $limit } МБ.
attachment-description = Що на ньому (необов’язково)
attachment-send = Додати
attachment-size = { $kb } КБ
attachment-by-organization = організація
