# common: es
# Español (neutro, trato de "usted"). DRAFTED BY AN AI ASSISTANT from the English
# (locales/en/common.ftl). Not reviewed: a fluent Spanish speaker must review every message
# before use with clients.
site-name = Recourse
skip-to-content = Ir al contenido
nav-languages = Idiomas
nav-staff = Personal
nav-queue = Lista de trabajo
nav-file = Presentar una queja por un cliente
nav-board = Panel
nav-admin = Administración
nav-password = Cambiar contraseña
nav-sign-out = Cerrar sesión
footer-ledger = Cada paso de cada queja queda anotado en un registro firmado que cualquier persona puede comprobar.
footer-checkpoint = Último punto de control del registro
footer-staff = Acceso del personal
error-title = Algo salió mal
error-not-found = No encontramos esta página.
error-forbidden = No tiene permiso para hacer esto.
error-bad-request = Revise lo que escribió, por favor.
error-conflict = No se pudo hacer esto en este momento.
error-too-many = Demasiados intentos. Espere unos minutos y vuelva a intentarlo.
error-too-many-wait = Demasiados intentos. Espere { $minutes ->
        [one] un minuto
       *[other] { $minutes } minutos
    } y vuelva a intentarlo.
error-csrf = Este formulario caducó. Vuelva atrás, recargue la página e inténtelo de nuevo.
error-internal = Algo salió mal de nuestro lado. No se guardó nada. Inténtelo de nuevo.
error-home = Ir a la página de inicio
error-role = Su función no le permite hacer esto.
done-generic = Listo.
yes = Sí
no = No
error-too-many-title = Espere antes de volver a intentarlo
error-restricted = Este caso es de acceso restringido: solo su revisor asignado, la presidencia y la recepción pueden abrir su expediente. Su intento ha quedado registrado.

## audit
nav-audit = Auditoría
## attach
attachment-title = Documentos y fotos
attachment-none-yet = Todavía no hay archivos adjuntos.
attachment-erased = Borrado
attachment-open = Abrir el archivo
attachment-open-hint = La apertura de un archivo queda registrada en el registro de accesos, con su motivo, antes de descargarlo.
attachment-download = Descargar
attachment-add = Adjuntar un documento o una foto
attachment-file = Archivo
attachment-file-hint = Una foto (PNG, JPEG o WebP) o un documento PDF, de { $limit } MB como máximo.
attachment-description = Qué muestra (opcional)
attachment-send = Adjuntar
attachment-size = { $kb } KB
attachment-by-organization = la organización
