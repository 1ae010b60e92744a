# systemic: fa
