# common: uk
