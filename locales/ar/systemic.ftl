# systemic: ar
