# admin: fr
# Français (Canada). Rédigé par un assistant (IA) à partir de l'anglais (locales/en/admin.ftl).
# Drafted by an AI assistant from the English. Fairly confident, but it must be reviewed by a
# fluent (Canadian) French speaker before use.
# Administration: staff, roles, keys, settings.
admin-nav = Administration
admin-nav-staff = Personnel
admin-nav-enrol = Inscrire un membre du personnel
admin-nav-settings = Paramètres
admin-back = Retour à la liste du personnel
admin-error-summary = Veuillez vérifier ce qui suit

admin-staff-title = Personnel
admin-staff-intro = Toutes les personnes inscrites, avec leurs rôles. Choisissez un nom pour changer les rôles, réinitialiser un mot de passe ou enregistrer un départ.
admin-staff-caption = Membres du personnel
admin-name = Nom
admin-name-hint = Son nom complet, tel que ses collègues le connaissent. Seuls les administrateurs le voient ici.
admin-login = Identifiant
admin-login-hint = Ce que la personne tape pour se connecter. Sans espaces, par exemple amina.k. Les majuscules n'ont pas d'importance.
admin-roles = Rôles
admin-roles-hint = Choisissez-en au moins un. Ne donnez à chaque personne que les rôles dont son travail a besoin.
admin-status = État
admin-keys = Clés de signature actives
admin-active = En poste
admin-departed = A quitté l'organisme
admin-no-roles = Aucun rôle

admin-role-intake = Accueil
admin-role-intake-hint = Dépose les plaintes pour les clients, en accuse réception, les trie et confie chacune à un examinateur.
admin-role-reviewer = Examinateur
admin-role-reviewer-hint = Enquête sur les dossiers qui lui sont confiés, consigne les constats et décide, sauf si les paramètres réservent toute décision à la présidence.
admin-role-chair = Présidence du comité
admin-role-chair-hint = Assigne les dossiers, décide, vérifie les mesures correctives et ferme les dossiers.
admin-role-board = Conseil d'administration
admin-role-board-hint = Consulte les tableaux de bord et approuve les revues du cadre. Ne voit aucun renseignement personnel, sauf dans les plaintes visant la direction ou la présidence quand les paramètres les confient au conseil (chaque ouverture est enregistrée).
admin-role-admin = Administrateur
admin-role-admin-hint = Inscrit le personnel, change les rôles et les clés, et modifie les paramètres.
admin-role-auditor = Vérificateur
admin-role-auditor-hint = Vérifie l'historique des dossiers et contrôle le registre.
admin-role-grant = Donner le rôle { $role }
admin-role-remove = Retirer le rôle { $role }

admin-enrol-title = Inscrire un membre du personnel
admin-enrol-intro = Le nouveau membre du personnel reçoit sa propre clé de signature et un lien de configuration pour choisir un mot de passe. Vous verrez le lien une seule fois, à la page suivante.
admin-enrol-submit = Inscrire et créer un lien de configuration
admin-error-name = Entrez son nom (200 caractères au plus).
admin-error-login = Entrez un identifiant de 100 caractères au plus, sans espaces.
admin-error-login-taken = L'identifiant { $login } est déjà utilisé. Choisissez-en un autre.
admin-error-roles = Choisissez au moins un rôle.
admin-error-role = Choisissez un rôle.

admin-link-title = Lien de configuration
admin-link-intro-enrolled = L'inscription de { $name } est faite. Donnez-lui ce lien, qui permet de choisir un mot de passe et de se connecter :
admin-link-intro-reset = La clé de { $name } a été remplacée et son ancien mot de passe ne fonctionne plus. Donnez-lui ce lien, qui permet de choisir un nouveau mot de passe :
admin-link-copy = Copier le lien
admin-link-copied = Copié
admin-link-expires = Le lien expire le
admin-link-next = Avant de quitter cette page
admin-link-once = Cette page est la seule occasion de voir le lien. Copiez-le maintenant.
admin-link-validity = Le lien fonctionne une seule fois et expire dans 7 jours.
admin-link-private = Remettez-le à la personne en privé (en personne, ou par un moyen qu'elle seule consulte). Toute personne qui a le lien peut définir le mot de passe.
admin-link-lost = Si le lien est perdu ou expiré, réinitialisez son mot de passe pour en obtenir un nouveau.
admin-link-back = Aller à la page de ce membre du personnel

admin-person-title = Membre du personnel
admin-role = Rôle
admin-held = A ce rôle
admin-held-yes = Oui
admin-held-no = Non
admin-change = Changer
admin-roles-caption = Rôles de ce membre du personnel
admin-roles-change-hint = Les changements s'appliquent tout de suite, dès sa prochaine page.
admin-last-admin = L'organisme doit garder au moins un administrateur. Donnez d'abord le rôle d'administrateur à quelqu'un d'autre.
admin-rotate-title = Réinitialiser le mot de passe et remplacer la clé de signature
admin-rotate-intro = À utiliser quand la personne a oublié son mot de passe, ou que sa clé est peut-être connue de quelqu'un d'autre. Ses clés actuelles sont révoquées, elle est déconnectée partout, et vous obtenez un nouveau lien de configuration pour elle.
admin-rotate-self = C'est votre propre compte : votre session sera aussi fermée.
admin-rotate-reason = Motif
admin-rotate-reason-hint = Par exemple « mot de passe oublié ». Le motif est inscrit au registre que lisent les vérificateurs : n'y écrivez aucun renseignement personnel.
admin-rotate-submit = Réinitialiser le mot de passe et créer un lien de configuration
admin-error-reason = Entrez un motif (500 caractères au plus).
admin-depart-title = Enregistrer un départ
admin-depart-intro = Quand une personne quitte l'organisme. Ses rôles et ses clés sont révoqués, elle est déconnectée et ne peut plus se connecter. C'est définitif : si elle revient, inscrivez-la de nouveau.
admin-depart-confirm = Je confirme que cette personne a quitté l'organisme.
admin-depart-submit = Enregistrer le départ
admin-error-confirm = Cochez la case pour confirmer le départ.
admin-departed-note = Cette personne a quitté l'organisme. Ses clés sont révoquées et elle ne peut plus se connecter.

admin-settings-title = Paramètres
admin-settings-intro = Ces paramètres s'appliquent à chaque nouvelle étape de chaque dossier. Chaque changement est inscrit au registre.
admin-settings-targets = Délais visés
admin-settings-acknowledge_business_days = Délai d'accusé de réception (jours ouvrables)
admin-settings-acknowledge_business_days-hint = Jours ouvrables pour accuser réception d'une plainte, entre 1 et 30.
admin-settings-decide_calendar_days = Délai de décision (jours civils)
admin-settings-decide_calendar_days-hint = Jours pour trancher une plainte, entre 1 et 365.
admin-settings-appeal_window_days = Délai d'appel (jours civils)
admin-settings-appeal_window_days-hint = Jours après une décision pendant lesquels le client peut faire appel, entre 1 et 365.
admin-settings-calendar = Calendrier
admin-settings-time_zone = Fuseau horaire
admin-settings-time_zone-hint = Le nom du fuseau horaire de l'organisme, par exemple America/Toronto ou America/Vancouver.
admin-settings-holiday_jurisdiction = Jours fériés
admin-settings-holiday_jurisdiction-hint = L'autorité dont les jours fériés ne sont pas des jours ouvrables.
admin-settings-extra_holidays = Autres jours de fermeture
admin-settings-extra_holidays-hint = Les jours où l'organisme est fermé, une date par ligne, écrite comme 2025-12-24.
admin-settings-removed_holidays = Jours fériés travaillés
admin-settings-removed_holidays-hint = Les jours fériés où l'organisme travaille quand même, une date par ligne, écrite comme 2025-08-04.
admin-settings-languages = Langues offertes
admin-settings-languages-hint = Les langues du site et du formulaire de plainte.
admin-settings-default_language = Langue par défaut
admin-settings-default_language-hint = Affichée aux visiteurs dont le navigateur ne demande aucune des langues offertes.
admin-settings-organization = Programmes, lieux et cadre
admin-settings-programs = Programmes
admin-settings-programs-hint = Un par ligne, écrit sous la forme id = Nom, par exemple : clic = Formation linguistique (CLIC). L'id utilise des lettres minuscules, des chiffres, - ou _, et ne doit plus changer une fois utilisé.
admin-settings-sites = Lieux
admin-settings-sites-hint = Un par ligne, écrit sous la forme id = Nom, par exemple : principal = Bureau principal.
admin-settings-framework = Cadre de qualité
admin-settings-framework-hint = L'id du cadre utilisé. Celui qui est fourni est { $id }.
admin-settings-privacy = Renseignements personnels
admin-settings-retention_days = Conserver les renseignements personnels pendant (jours après la fermeture)
admin-settings-retention_days-hint = Après ce délai, les renseignements personnels d'un dossier sont effacés. Entre 30 et 36 500 jours.
admin-settings-submit = Enregistrer les paramètres
admin-settings-stale = Un autre administrateur a changé les paramètres pendant que vous les modifiiez. Comparez vos valeurs ci-dessous avec les siennes, puis enregistrez de nouveau.
admin-error-number = entrez un nombre entier.
admin-error-date = « { $line } » n'est pas une date. Écrivez une date par ligne, comme 2025-12-24.
admin-error-named = la ligne « { $line } » n'est pas écrite sous la forme id = Nom.
admin-error-default-language = choisissez une des langues offertes.

done-admin-role-granted = Le rôle est attribué.
done-admin-role-revoked = Le rôle est retiré.
done-admin-departed = Le départ est enregistré. Ses clés sont révoquées et la personne est déconnectée.
done-admin-settings-saved = Les paramètres sont enregistrés.
done-admin-settings-unchanged = Rien n'a changé.

# Names of the holiday jurisdictions (English uses the names in projections/src/holiday.rs).
admin-jurisdiction-federal = Fédéral (Code canadien du travail)
admin-jurisdiction-ab = Alberta
admin-jurisdiction-bc = Colombie-Britannique
admin-jurisdiction-mb = Manitoba
admin-jurisdiction-nb = Nouveau-Brunswick
admin-jurisdiction-nl = Terre-Neuve-et-Labrador
admin-jurisdiction-ns = Nouvelle-Écosse
admin-jurisdiction-nt = Territoires du Nord-Ouest
admin-jurisdiction-nu = Nunavut
admin-jurisdiction-on = Ontario
admin-jurisdiction-pe = Île-du-Prince-Édouard
admin-jurisdiction-qc = Québec
admin-jurisdiction-sk = Saskatchewan
admin-jurisdiction-yt = Yukon

## decisions
admin-settings-chair_decides = Seule la présidence rend les décisions
admin-settings-chair_decides-hint = L’examinateur désigné enquête et consigne les constats ; la présidence les lit et décide. Case non cochée, l’examinateur désigné peut aussi décider.

## route
admin-settings-escalation = Plaintes visant la direction ou la présidence
admin-settings-escalation-hint = Une plainte visant la personne qui dirige l’organisme, ou la présidence du comité des plaintes, est transmise : toute la présidence et la direction en sont écartées.
admin-settings-director = La direction (si elle a un compte)
admin-settings-director-hint = Écartée des plaintes transmises, comme toute la présidence.
admin-settings-nobody = Personne
admin-settings-external_reviewer = Qui traite les plaintes transmises
admin-settings-external_reviewer-hint = Le conseil d’administration, ou un compte hors du comité, par exemple une personne inscrite d’un organisme partenaire. Ni la présidence ni la direction.
admin-settings-route-board = Le conseil d’administration
admin-settings-board-data = Quand le conseil traite les plaintes transmises, ses membres ont les droits du comité sur ces plaintes seulement : ils les attribuent, les tranchent, les ferment et ouvrent leurs dossiers (chaque ouverture est enregistrée et le client la voit). Le conseil voit donc des données personnelles pour ces plaintes, et pour aucune autre.
admin-settings-show_opener_names = Montrer aux clients le nom des personnes qui ont ouvert leur dossier
admin-settings-show_opener_names-hint = Décoché, les clients voient le rôle et la raison de chaque ouverture. Coché, ils voient aussi le nom.
admin-error-staff = choisissez une personne dans la liste
## identity
admin-settings-identity = L’organisme tel que la clientèle le voit
admin-settings-org_name = Nom de l’organisme
admin-settings-org_name-hint = Affiché en haut de chaque page, sur la page d’accueil et sur le reçu. Au plus 200 caractères.
admin-settings-org_name_in = Nom en { $language } (s’il diffère)
admin-settings-org_names = Nom dans une autre langue
admin-settings-org_address = Adresse postale
admin-settings-org_address-hint = Une ligne par ligne de l’adresse, au plus 500 caractères. Affichée sur la page d’accueil et sur le reçu.
admin-settings-org_phone = Téléphone
admin-settings-org_phone-hint = Des chiffres, des espaces et + - ( ), par exemple +1 416 555 0100.
admin-settings-org_email = Adresse courriel
admin-settings-org_email-hint = Une adresse où la clientèle peut écrire, par exemple aide@exemple.org.
admin-settings-org_website = Site Web
admin-settings-org_website-hint = Son adresse complète, commençant par https://
admin-settings-program_names = Noms des programmes dans d’autres langues
admin-settings-program_names-in = Noms des programmes en { $language }
admin-settings-program_names-hint = Un par ligne, écrit sous la forme id = Nom, avec les id des programmes ci-dessus. Laissez le nom vide pour afficher le nom principal.
admin-settings-site_names = Noms des lieux dans d’autres langues
admin-settings-site_names-in = Noms des lieux en { $language }
admin-settings-site_names-hint = Un par ligne, écrit sous la forme id = Nom, avec les id des lieux ci-dessus. Laissez le nom vide pour afficher le nom principal.
admin-error-named-unknown = il n’y a pas de « { $id } » dans la liste ci-dessus.
admin-logo-title = Logo
admin-logo-current = Le logo actuel
admin-logo-file = Un nouveau logo
admin-logo-hint = Une image PNG, JPEG ou WebP d’au plus { $size } Ko, d’environ 40 pixels de haut sur la page. Le SVG n’est pas accepté.
admin-logo-submit = Téléverser le logo
admin-error-logo-missing = Choisissez un fichier image à téléverser.
admin-error-logo-type = Ce fichier n’est pas une image PNG, JPEG ou WebP. Choisissez-en un autre.
done-admin-logo-saved = Le logo est enregistré.
admin-settings-names = Noms dans d’autres langues

# Witnesses
admin-nav-witnesses = Témoins
witnesses-title = Témoins
witnesses-intro = Un témoin est un organisme indépendant, comme un regroupement d'organismes, un bailleur de fonds ou un organisme partenaire, qui cosigne les points de contrôle de ce registre : personne, pas même notre organisme, ne peut réécrire le dossier ni en tenir deux versions sans que cela se voie.
witnesses-list = Témoins invités à cosigner
witnesses-none = Aucun témoin n'est encore configuré.
witnesses-url = Adresse
witnesses-url-hint = L'adresse web du témoin, commençant par https:// ou http://, telle que le témoin l'a donnée.
witnesses-key = Clé de vérification
witnesses-key-hint = La ligne que le témoin vous a donnée (sa « clé de vérification »), par exemple nom+1a2b3c4d+BASE64. Son nom est affiché comme nom du témoin.
witnesses-key-id = Identifiant de clé
witnesses-cosigned = Dernière cosignature
witnesses-cosigned-size = Le point de contrôle de { $size } entrées, le { $at }
witnesses-cosigned-never = Pas encore
witnesses-error = Dernière erreur
witnesses-failing = Ne cosigne pas
witness-problem-unreachable = Le témoin est injoignable : pas de connexion, ou pas de réponse à temps. Le registre continue de le solliciter, et les plaintes sont enregistrées entre-temps.
witness-problem-tls = La connexion sécurisée au témoin a échoué : ce serveur ne fait pas confiance à son certificat, ou l'adresse est erronée.
witness-problem-unknown-log = Le témoin ne connaît pas ce registre sous sa clé : envoyez à l'exploitant du témoin la clé de vérification de ce registre (page d'audit).
witness-problem-conflict = Le témoin refuse ce point de contrôle : il a cosigné un historique que ce registre ne prolonge pas. Le registre a-t-il été restauré à partir d'une ancienne sauvegarde ? Contactez le témoin.
witness-problem-bad-answer = La réponse du témoin n'est pas une cosignature valide. Vérifiez l'adresse et la clé du témoin.
witnesses-configured = Configuré
witnesses-command-line = Défini au démarrage du serveur (ne peut pas être retiré ici)
witnesses-in-settings = Sur cette page
witnesses-remove = Retirer { $name }
witnesses-add = Ajouter un témoin
witnesses-add-button = Ajouter ce témoin
witnesses-full = Le nombre maximal de témoins est atteint. Retirez-en un pour en ajouter un autre.
witnesses-stale = Un autre administrateur a modifié les paramètres pendant que vous étiez sur cette page. Vérifiez la liste ci-dessous, puis réessayez.
done-witness-added = Le témoin est ajouté. Il sera invité à cosigner d'ici quelques secondes.
done-witness-removed = Le témoin est retiré. Il n'est plus sollicité ; ses cosignatures passées sont conservées.
witness-error-url = Veuillez indiquer l'adresse du témoin, commençant par https:// ou http://, par exemple https://temoin.example.org.
witness-error-key = Ce n'est pas une clé de vérification de témoin. Collez la ligne que le témoin vous a donnée, par exemple nom+1a2b3c4d+BASE64.
witness-error-duplicate = Ce témoin est déjà configuré.
witness-error-too-many = Au plus { $limit } témoins peuvent être configurés. Retirez-en un d'abord.
