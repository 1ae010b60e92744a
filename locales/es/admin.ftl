# admin: es
