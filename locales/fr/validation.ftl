# Validation : pourquoi un champ est refusé (les mêmes identifiants sur les pages et dans l’API).
invalid-required = Veuillez remplir ce champ.
invalid-too-long = C’est trop long : { $length } caractères, pour { $limit } au plus. Veuillez raccourcir.
invalid-one-line = Veuillez écrire ceci sur une seule ligne.
# Les champs d’une action sur un dossier (la page du dossier et l’API).
invalid-choice = Veuillez choisir l’une des options.
invalid-date = Veuillez indiquer une date, par exemple 2026-12-31.
invalid-staff = Veuillez choisir un membre du personnel.
invalid-action-number = Veuillez indiquer de quelle mesure corrective il s’agit, par son numéro.
invalid-too-many = Veuillez en choisir { $limit } au plus.
error-nothing-recorded = Rien n’a été enregistré. Revenez au formulaire, corrigez ceci et envoyez-le de nouveau.

## identity
invalid-control = Veuillez retirer les caractères spéciaux (comme les tabulations).
invalid-phone = Veuillez donner un numéro de téléphone : des chiffres, des espaces et + - ( ).
invalid-email = Veuillez donner une adresse courriel, comme aide@exemple.org.
invalid-url = Veuillez donner une adresse Web commençant par https://, comme https://exemple.org.
## attach
attachment-too-large = Ce fichier est trop volumineux : { $limit } Mo au plus. Veuillez envoyer une photo plus petite ou un document plus court.
attachment-empty = Ce fichier est vide. Veuillez choisir le fichier de nouveau.
attachment-wrong-type = Ce type de fichier n’est pas accepté. Veuillez envoyer une photo (PNG, JPEG ou WebP) ou un document PDF.
attachment-too-many = Ce dossier a déjà { $limit } fichiers, le maximum.
attachment-none = Veuillez choisir un fichier à joindre.
