# admin: fr
