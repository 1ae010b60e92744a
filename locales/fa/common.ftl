# common: fa
