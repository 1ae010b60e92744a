# admin: ar
