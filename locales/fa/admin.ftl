# admin: fa
