# admin: en
