# common: fr
# Français (Canada). Rédigé par un assistant (IA) à partir de l'anglais (locales/en/common.ftl).
# Drafted by an AI assistant from the English. Fairly confident, but it must be reviewed by a
# fluent (Canadian) French speaker before use with clients.
site-name = Recourse
skip-to-content = Aller au contenu
nav-languages = Langues
nav-staff = Personnel
nav-queue = File de travail
nav-file = Déposer une plainte pour un client
nav-board = Tableau de bord
nav-admin = Administration
nav-password = Changer le mot de passe
nav-sign-out = Se déconnecter
footer-ledger = Chaque étape de chaque plainte est inscrite dans un registre signé que tout le monde peut vérifier.
footer-checkpoint = Dernier point de contrôle du registre
footer-staff = Connexion du personnel
error-title = Un problème est survenu
error-not-found = Nous n'avons pas trouvé cette page.
error-forbidden = Vous n'avez pas le droit de faire cela.
error-bad-request = Veuillez vérifier ce que vous avez saisi.
error-conflict = Cette action est impossible pour le moment.
error-too-many = Trop de tentatives. Veuillez attendre quelques minutes, puis réessayer.
error-too-many-wait = Trop de tentatives. Veuillez attendre { $minutes ->
        [one] une minute
       *[other] { $minutes } minutes
    }, puis réessayer.
error-csrf = Ce formulaire a expiré. Veuillez revenir en arrière, recharger la page et réessayer.
error-internal = Un problème est survenu de notre côté. Rien n'a été enregistré. Veuillez réessayer.
error-home = Aller à la page d'accueil
error-role = Votre rôle ne vous permet pas de faire cela.
done-generic = C'est fait.
yes = Oui
no = Non
error-too-many-title = Veuillez patienter avant de réessayer
error-restricted = Ce dossier est à accès restreint : seuls l’examinateur désigné, la présidence et l’accueil peuvent l’ouvrir. Votre tentative a été enregistrée.

## audit
nav-audit = Audit
## attach
attachment-title = Documents et photos
attachment-none-yet = Aucun fichier n’est encore joint.
attachment-erased = Effacé
attachment-open = Ouvrir le fichier
attachment-open-hint = L’ouverture d’un fichier est inscrite au journal des accès, avec son motif, avant le téléchargement.
attachment-download = Télécharger
attachment-add = Joindre un document ou une photo
attachment-file = Fichier
attachment-file-hint = Une photo (PNG, JPEG ou WebP) ou un document PDF, { $limit } Mo au plus.
attachment-description = Ce qu’il montre (facultatif)
attachment-send = Joindre
attachment-size = { $kb } Ko
attachment-by-organization = l’organisme
