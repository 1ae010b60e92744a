# Validación: por qué se rechazó un campo.
invalid-required = Complete este campo, por favor.
invalid-too-long = Es demasiado largo: { $length } caracteres, y se aceptan { $limit } como máximo. Acórtelo, por favor.
invalid-one-line = Escriba esto en una sola línea, por favor.
# Los campos de una acción sobre un caso (la página del caso y la API).
invalid-choice = Elija una de las opciones, por favor.
invalid-date = Indique una fecha, como 2026-12-31, por favor.
invalid-staff = Elija a un miembro del personal, por favor.
invalid-action-number = Indique de qué acción correctiva se trata, por su número.
invalid-too-many = Elija { $limit } como máximo, por favor.
error-nothing-recorded = No se registró nada. Vuelva al formulario, corrija esto y envíelo de nuevo.

## identity
invalid-control = Quite los caracteres especiales (como las tabulaciones).
invalid-phone = Indique un número de teléfono: cifras, espacios y + - ( ).
invalid-email = Indique una dirección de correo, como ayuda@ejemplo.org.
invalid-url = Indique una dirección web que empiece por https://, como https://ejemplo.org.
## attach
attachment-too-large = Este archivo es demasiado grande: se aceptan como máximo { $limit } MB. Envíe una foto más pequeña o un documento más corto.
attachment-empty = Este archivo está vacío. Elija el archivo de nuevo.
attachment-wrong-type = No se acepta este tipo de archivo. Envíe una foto (PNG, JPEG o WebP) o un documento PDF.
attachment-too-many = Este caso ya tiene { $limit } archivos, el máximo posible.
attachment-none = Elija un archivo para adjuntar.
