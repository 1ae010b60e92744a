# Refus des règles : pourquoi les règles ont refusé une action (les mêmes identifiants sur les pages et dans l’API).
rule-forbidden = Non autorisé : { $why }
rule-forbidden-audit-view = Non autorisé : les consultations d’audit sont réservées aux auditeurs et à la présidence.
rule-forbidden-client-audience = Non autorisé : les clients écrivent au comité par les messages destinés aux clients.
rule-forbidden-comment = Non autorisé : les commentaires sur le dossier appartiennent au client.
rule-forbidden-erase = Non autorisé : l’effacement est enregistré par l’organisation une fois la clé de données détruite.
rule-forbidden-admin = Non autorisé : seul un administrateur peut modifier l’organisation.
rule-forbidden-open = Non autorisé : seuls les membres du comité et les auditeurs ouvrent les dossiers de plainte.
rule-forbidden-acknowledge = Non autorisé : seuls l’accueil et la présidence accusent réception des plaintes.
rule-forbidden-route = Non autorisé : seuls l’accueil et la présidence orientent les plaintes.
rule-forbidden-triage = Non autorisé : seuls l’accueil et la présidence trient les plaintes.
rule-forbidden-file = Non autorisé : seul le personnel d’accueil dépose des plaintes pour les clients.
rule-forbidden-refused-view = Non autorisé : seules les tentatives d’ouverture d’un dossier par le personnel sont enregistrées.
rule-forbidden-update-action = Non autorisé : seuls le responsable de l’action et la présidence peuvent la mettre à jour.
rule-forbidden-decide-appeal = Non autorisé : seul l’examinateur de l’appel le tranche.
rule-forbidden-assign-appeal = Non autorisé : seule la présidence attribue les appels.
rule-forbidden-close = Non autorisé : seule la présidence ferme les dossiers.
rule-forbidden-reopen = Non autorisé : seule la présidence rouvre les dossiers.
rule-forbidden-verify-action = Non autorisé : seule la présidence vérifie les mesures correctives.
rule-forbidden-waive-action = Non autorisé : seule la présidence renonce aux mesures correctives.
rule-forbidden-add-information = Non autorisé : seul le client ajoute des informations à sa plainte.
rule-forbidden-appeal = Non autorisé : seul le client fait appel.
rule-forbidden-request-erasure = Non autorisé : seul le client demande l’effacement ; l’effacement à la fin de la conservation est automatique.
rule-forbidden-withdraw = Non autorisé : seul le client retire sa plainte, ou l’accueil ou la présidence sur sa parole.
rule-forbidden-satisfaction = Non autorisé : c’est au client de dire s’il est satisfait.
rule-forbidden-recuse = Non autorisé : chaque membre du personnel se récuse lui-même ; seule la présidence l’enregistre pour un autre.
rule-forbidden-verify-own-action = Non autorisé : le responsable d’une action ne peut pas la vérifier ; une autre personne de la présidence doit le faire.
rule-forbidden-web-filing = Non autorisé : les plaintes en ligne viennent du formulaire ; le personnel dépose celles reçues par téléphone, en personne, par courriel ou par orientation.
rule-forbidden-pause = Non autorisé : seuls l’accueil, l’examinateur désigné et la présidence suspendent le délai.
rule-forbidden-resume = Non autorisé : seuls l’accueil, l’examinateur désigné et la présidence relancent le délai.
rule-forbidden-message = Non autorisé : seuls l’accueil, l’examinateur désigné et la présidence écrivent sur un dossier.
rule-forbidden-evidence = Non autorisé : seuls l’accueil, l’examinateur désigné, la présidence et le client ajoutent des documents.
rule-forbidden-finding = Non autorisé : seuls l’examinateur désigné et la présidence consignent des constatations.
rule-forbidden-decide-chair = Non autorisé : dans cet organisme, la présidence rend toutes les décisions ; l’examinateur consigne les constats.
rule-forbidden-decide = Non autorisé : seuls l’examinateur désigné et la présidence rendent la décision.
rule-forbidden-open-action = Non autorisé : seuls l’examinateur désigné et la présidence ouvrent des mesures correctives.
rule-forbidden-open-review = Non autorisé : seule la présidence ouvre une revue du cadre de qualité.
rule-forbidden-rate-review = Non autorisé : seuls les membres du comité évaluent les éléments du cadre.
rule-forbidden-attest-review = Non autorisé : seuls les membres du comité font des attestations pour une revue.
rule-forbidden-submit-review = Non autorisé : seule la présidence soumet une revue au conseil d’administration.
rule-forbidden-return-review = Non autorisé : seul le conseil d’administration renvoie ou approuve une revue.
rule-forbidden-systemic-staff = Non autorisé : seul le personnel travaille sur les mesures systémiques.
rule-forbidden-publish-report = Non autorisé : seul le conseil d'administration publie un rapport de transparence.
rule-forbidden-open-systemic = Non autorisé : seule la présidence ouvre une mesure systémique.
rule-forbidden-progress-systemic = Non autorisé : seuls le responsable d’une mesure systémique et la présidence en consignent l’avancement.
rule-forbidden-verify-systemic = Non autorisé : seuls la présidence et les auditeurs vérifient une mesure systémique.
rule-conflicted = Le membre du personnel { $staff } est en conflit d’intérêts sur ce dossier (nommé dans la plainte, ou récusé).
rule-took-part-in-decision = Le membre du personnel { $staff } a participé à la décision portée en appel.
rule-wrong-state = Un dossier { $status ->
        [filed] reçu
        [acknowledged] confirmé
        [under-review] en cours d’examen
        [decided] tranché
        [under-appeal] en appel
        [closed] fermé
        [withdrawn] retiré
        [erased] effacé
       *[other] à l’état « { $status } »
    } n’accepte pas cette action : { $action ->
        [file-a-complaint] déposer une plainte
        [acknowledge] accuser réception
        [triage] trier
        [assign-a-reviewer] désigner un examinateur
        [recuse] se récuser
        [post-a-message] envoyer un message
        [add-evidence] ajouter un document
        [open-the-file] ouvrir le dossier
        [record-a-refused-opening] consigner une ouverture refusée
        [record-a-finding] consigner une constatation
        [issue-a-decision] rendre une décision
        [open-a-corrective-action] ouvrir une mesure corrective
        [update-a-corrective-action] mettre à jour une mesure corrective
        [complete-a-corrective-action] achever une mesure corrective
        [verify-a-corrective-action] vérifier une mesure corrective
        [waive-a-corrective-action] renoncer à une mesure corrective
        [comment-on-the-file] commenter le dossier
        [add-information] ajouter des informations
        [appeal] faire appel
        [assign-an-appeal-reviewer] désigner un examinateur d’appel
        [decide-the-appeal] trancher l’appel
        [pause-the-clock] suspendre le délai
        [resume-the-clock] relancer le délai
        [record-satisfaction] indiquer sa satisfaction
        [close] fermer
        [reopen] rouvrir
        [withdraw] retirer la plainte
        [request-erasure] demander l’effacement
        [erase-personal-data] effacer les données personnelles
        [open-a-corrective-action-before-a-finding] ouvrir une mesure corrective avant une constatation
       *[other] { $action }
    }.
rule-no-finding = Consignez une constatation avant de rendre une décision.
rule-actions-outstanding = { $count ->
        [one] Une mesure corrective est encore ouverte : vérifiez-la ou renoncez-y (avec vos raisons) avant de fermer le dossier.
       *[other] { $count } mesures correctives sont encore ouvertes : vérifiez-les ou renoncez-y (avec vos raisons) avant de fermer le dossier.
    }
rule-appeal-window-closed = Le délai d’appel a pris fin le { $date }.
rule-unknown-staff = Membre du personnel inconnu ou parti : { $staff }.
rule-not-reviewer = Le membre du personnel { $staff } n’est ni examinateur ni à la présidence.
rule-unknown-action = Aucune mesure corrective { $action } dans ce dossier.
rule-restricted = Ce dossier est à accès restreint : seuls l’examinateur désigné, la présidence et l’accueil peuvent l’ouvrir. Votre tentative a été enregistrée.
rule-erased = Les données personnelles de ce dossier ont été effacées.
rule-last-administrator = L’organisation doit garder au moins un administrateur.
rule-not-now = { $status ->
        [new] Une revue ou une mesure systémique pas encore ouverte
        [open] Une revue ou une mesure systémique en cours
        [submitted] Une revue soumise au conseil d’administration
        [approved] Une revue approuvée
        [completed] Une mesure systémique déclarée terminée
        [verified] Une mesure systémique vérifiée
       *[other] Une revue ou une mesure systémique à l’état « { $status } »
    } n’accepte pas cette action : { $action ->
        [open-a-review] ouvrir une revue
        [rate-an-item] évaluer un élément
        [attest] faire une attestation
        [submit] soumettre la revue
        [return] renvoyer la revue
        [approve] approuver la revue
        [open-a-systemic-action] ouvrir une mesure systémique
        [record-progress] consigner l’avancement
        [complete-a-systemic-action] déclarer une mesure systémique terminée
        [verify-a-systemic-action] vérifier une mesure systémique
       *[other] { $action }
    }.
rule-review-final = Cette revue est approuvée : elle ne change plus jamais.
rule-unrated = { $count ->
        [one] { $count } élément n’est pas encore évalué : évaluez tous les éléments avant de soumettre la revue.
       *[other] { $count } éléments ne sont pas encore évalués : évaluez tous les éléments avant de soumettre la revue.
    }
rule-follow-up-needed = L’élément { $item } est partiellement satisfait ou non satisfait : ouvrez d’abord pour lui une mesure systémique ou une revue de son domaine.
rule-not-in-scope = L’élément { $item } ne fait pas partie de cette revue.
rule-unknown-review = Il n’existe pas de revue { $review }.
rule-own-work = Quelqu’un d’autre doit { $what ->
        [approve-a-review-you-submitted] approuver une revue que vous avez soumise
        [verify-an-action-you-own-or-completed] vérifier une mesure dont vous êtes responsable ou que vous avez déclarée terminée
       *[other] { $what }
    }.
rule-invalid = { $field } : valeur refusée ({ $reason })

## roles
rule-already-answered = Ces questions ont déjà reçu une réponse pour cette plainte. La réponse est enregistrée et ne peut plus être modifiée.
