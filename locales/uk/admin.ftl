# admin: uk
