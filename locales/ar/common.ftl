# common: ar
