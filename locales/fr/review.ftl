# Revues de conformité au cadre de qualité : pages du comité et du conseil, rapport imprimable
# et exports.
nav-reviews = Revues du cadre

review-list-title = Revues du cadre de qualité
review-list-intro = Chaque revue évalue le cadre de qualité, élément par élément, au regard des chiffres que le registre donne pour une période. Le comité note chaque élément ; le conseil approuve la revue.
review-list-none = Aucune revue n’a encore été ouverte.
review-list-caption = Toutes les revues, de la période la plus récente à la plus ancienne
review-col-period = Période
review-col-scope = Portée
review-col-status = État
review-col-opened = Ouverte le
review-col-approved = Approuvée le
review-scope-all = Tout le cadre
review-area-unknown = Éléments qui ne figurent plus dans le cadre

review-status-new = Non ouverte
review-status-open = Ouverte
review-status-submitted = Soumise au conseil
review-status-approved = Approuvée

review-open-title = Ouvrir une revue
review-open-area-title = Ouvrir une revue de domaine pour cet élément
review-open-hint = Les chiffres sont calculés à partir du registre tel qu’il est à l’ouverture de la revue, et enregistrés avec elle.
review-open-kind = Durée de la période
review-kind-quarter = Trimestre
review-kind-half-year = Semestre
review-kind-year = Année
review-open-kind-show = Afficher les périodes de cette durée
review-open-legend = La revue
review-open-period = Période (obligatoire)
review-period-option = { $label } (du { $from } au { $to })
review-open-area = Portée
review-open-area-all = Tout le cadre
review-open-submit = Ouvrir la revue
review-open-origin = Cette revue de domaine fait suite à l’élément { $item } de la revue de { $period }.
review-invalid-period = Veuillez choisir l’une des périodes proposées : une période commencée, alignée sur l’année de l’organisme.

review-title = Revue du cadre
review-report-title = Rapport de revue du cadre
review-report-draft = Projet : cette revue n’est pas encore approuvée.
review-fact-period = Période
review-fact-scope = Portée
review-fact-status = État
review-fact-opened = Ouverte
review-opened-by = { $name }, { $when }
review-fact-origin = Ouverte pour donner suite à
review-origin = l’élément { $item } d’une revue antérieure
review-fact-pinned = Point de contrôle du registre
review-pinned-size = Entrées :
review-pinned-root = Racine :
review-pinned-hint = Les chiffres ci-dessous ont été calculés à partir des { $size } premières entrées du registre, dont la racine de Merkle figure ci-dessus. Toute personne disposant d’un export du registre peut relire ces entrées, vérifier la racine et recalculer chaque chiffre avec la commande : recourse review recompute
review-fact-framework = Cadre
review-framework = version { $version }, fichier SHA-256 { $sha256 }
review-framework-unknown = Version non enregistrée
review-fact-previous = Comparée à
review-previous-none = Aucune revue antérieure approuvée de même portée.
review-final = Cette revue est approuvée : elle est définitive et ne change plus.
review-download = Télécharger
review-print = Rapport imprimable
review-download-csv = Chiffres et notes (CSV)
review-download-json = La revue complète (JSON)
review-back = Retour à la revue
review-back-list = Toutes les revues du cadre

review-item-figures = Chiffres de la période
review-col-measure = Mesure
review-col-value = Valeur
review-col-trend = Revue précédente
review-see-cases = Voir les dossiers
review-share = { $count } sur { $of } ({ $pct } %)
review-share-empty = { $count } sur { $of }
review-average = { $average } / 5 ({ $answers ->
        [one] 1 réponse
       *[other] { $answers } réponses
    })
review-average-none = Aucune réponse
review-trend-up = en hausse, contre { $value }
review-trend-down = en baisse, contre { $value }
review-trend-same = inchangé ({ $value })
review-trend-was = auparavant { $value }
review-trend-new = non mesuré auparavant

review-measure-complaints = Plaintes reçues
review-measure-acknowledged-on-time = Accusés de réception dans les délais
review-measure-decided-on-time = Décisions dans les délais
review-measure-decided = Décidées (ou retirées)
review-measure-appeals = Portées en appel
review-measure-satisfaction = Satisfaction des clients
review-measure-explained = Clients ayant trouvé la décision expliquée
review-measure-fair = Clients ayant trouvé la démarche équitable
review-measure-outsider-openings = Ouvertures de dossier par du personnel extérieur au dossier
review-measure-citing-right = Plaintes invoquant le droit : { $right }
review-measure-recusals = Récusations pour conflit d’intérêts
review-measure-named-staff = Plaintes nommant un membre du personnel
review-measure-actions-verified-on-time = Mesures correctives vérifiées dans les délais
review-measure-systemic-verified-on-time = Actions systémiques vérifiées dans les délais
review-measure-tagged-complaints = Plaintes concernant cet élément
review-measure-tagged-findings = Constats concernant cet élément
review-measure-tagged-actions = Mesures correctives servant cet élément
review-measure-tagged-systemic = Actions systémiques servant cet élément

review-rating = Note
review-rating-met = Satisfait
review-rating-partly-met = Partiellement satisfait
review-rating-not-met = Non satisfait
review-rating-not-applicable = Sans objet
review-unrated = Pas encore noté.
review-rated-by = noté par { $name }, { $when }
review-rated-times = { $count ->
        [one] noté une fois
       *[other] noté { $count } fois
    }
review-reasons = Motifs
review-previous = Revue précédente
review-previous-rating = Note : { $rating }
review-previous-unrated = Non noté
review-attestations = Attestations
review-attested-by = attesté par { $name }, { $when }
review-document = Document conservé : { $name } ({ $size } octets, SHA-256 { $sha256 })
review-follow-ups = Suites données
review-follow-up-systemic = Mesure systémique : { $title }
review-follow-up-area = Revue de domaine : { $review }
review-needs-follow-up = Cet élément est partiellement satisfait ou non satisfait : il lui faut une suite (une mesure systémique ou une revue de domaine) avant que la revue soit soumise.
review-open-systemic = Ouvrir une mesure systémique pour cet élément
review-open-area-review = Ouvrir une revue de domaine pour cet élément

review-text-hint = Enregistré en clair dans le registre : écrivez sur l’organisme, jamais sur un client. Au plus { $limit } caractères.
review-rate-legend = Noter cet élément
review-rate-rating = Note (obligatoire)
review-rate-reasons = Motifs (obligatoire)
review-rate-submit = Enregistrer la note
review-attest-legend = Attester pour cet élément
review-attest-hint = Pour ce qu’aucune donnée du registre ne montre : assurance en vigueur, formation donnée, services gratuits.
review-attest-statement = Déclaration (obligatoire)
review-attest-submit = Enregistrer l’attestation

review-submit-title = Soumettre au conseil
review-submit-ready = Chaque élément est noté et chaque manquement a une suite : la revue peut être soumise.
review-submit-blocked = La revue ne peut pas encore être soumise :
review-blocker-unrated = { $item } : pas encore noté
review-blocker-follow-up = { $item } : partiellement satisfait ou non satisfait, sans suite pour l’instant
review-submit = Soumettre la revue au conseil

review-board-title = La décision du conseil
review-board-hint = Approuvez la revue, ou renvoyez-la au comité en disant quoi reconsidérer.
review-return-legend = Renvoyer au comité
review-comments-required = Commentaires (obligatoire)
review-return = Renvoyer la revue
review-approve-legend = Approuver
review-comments-optional = Commentaires (facultatif)
review-approve = Approuver la revue

review-history = Historique
review-history-opened = Ouverte par { $name }
review-history-submitted = Soumise au conseil par { $name }
review-history-returned = Renvoyée au comité par { $name }
review-history-approved = Approuvée par { $name }

review-cases-title = Dossiers derrière un chiffre
review-cases-item = Élément
review-cases-recorded = Enregistré avec la revue
review-cases-now = À ce jour
review-cases-note = Les dossiers sont listés d’après le registre tel qu’il est aujourd’hui ; le chiffre enregistré date du point de contrôle de la revue ({ $size } entrées) : les deux diffèrent si des dossiers ont changé depuis.
review-cases-none = Aucun dossier.
review-cases-bad = Indiquez l’élément et la mesure.

done-review-opened = La revue est ouverte.
done-review-rate = Note enregistrée.
done-review-attest = Attestation enregistrée.
done-review-submit = La revue est soumise au conseil.
done-review-return = La revue est renvoyée au comité.
done-review-approve = La revue est approuvée.
