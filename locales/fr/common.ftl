# common: fr
