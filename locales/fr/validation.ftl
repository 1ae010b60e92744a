# Validation : pourquoi un champ est refusé (les mêmes identifiants sur les pages et dans l’API).
invalid-required = Veuillez remplir ce champ.
invalid-too-long = C’est trop long : { $length } caractères, pour { $limit } au plus. Veuillez raccourcir.
invalid-one-line = Veuillez écrire ceci sur une seule ligne.
