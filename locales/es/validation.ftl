# Validación: por qué se rechazó un campo.
invalid-required = Complete este campo, por favor.
invalid-too-long = Es demasiado largo: { $length } caracteres, y se aceptan { $limit } como máximo. Acórtelo, por favor.
invalid-one-line = Escriba esto en una sola línea, por favor.
