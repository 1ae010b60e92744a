# common: es
