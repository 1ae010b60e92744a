# systemic: es
