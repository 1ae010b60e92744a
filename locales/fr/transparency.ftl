# transparency: fr
# Rapport de transparence public et page du conseil pour le publier.
# Ébauche rédigée sans locuteur natif : à faire relire avant usage réel.

transparency-title = Rapport de transparence
transparency-lead = Chaque année ou chaque trimestre, nous publions ce qu'il est advenu des plaintes reçues : combien, en combien de temps nous avons répondu, ce que nous avons décidé et ce que nous avons changé en conséquence. Personne ne peut être identifié à partir de ces chiffres.
transparency-period = Période
transparency-suppression-note = Pour protéger les personnes qui ont porté plainte, un nombre inférieur à 5 n'est jamais affiché, et un autre nombre est masqué avec lui lorsqu'un total permettrait de le retrouver.
transparency-others = Rapports précédents
transparency-none = Aucun rapport n'a encore été publié.
transparency-figures-caption = Plaintes reçues pendant la période
transparency-col-what = Quoi
transparency-col-count = Nombre
transparency-suppressed = non affiché (petits nombres)
transparency-line-received = Plaintes reçues
transparency-line-outcome-upheld = Fondées
transparency-line-outcome-partly_upheld = Fondées en partie
transparency-line-outcome-not_upheld = Non fondées
transparency-line-outcome-resolved_early = Réglées rapidement
transparency-line-outcome-referred_out_of_scope = Orientées ailleurs (hors de nos services)
transparency-line-outcome-withdrawn = Retirées par la personne
transparency-line-outcome-pending = Pas encore décidées
transparency-line-acknowledged-total = Accusé de réception envoyé
transparency-line-acknowledged-on-time = Accusé de réception dans les délais
transparency-line-acknowledged-late = Accusé de réception en retard
transparency-line-decided-total = Décidées
transparency-line-decided-on-time = Décidées dans les délais
transparency-line-decided-late = Décidées en retard
transparency-line-appealed-total = Décisions
transparency-line-appealed-yes = Portées en appel
transparency-line-appealed-no = Sans appel
transparency-line-fair-total = Personnes ayant répondu au sondage
transparency-line-fair-yes = Ont trouvé le processus équitable
transparency-line-fair-no = N'ont pas trouvé le processus équitable
transparency-line-systemic-opened = Changements lancés (mesures correctives systémiques)
transparency-line-systemic-verified = Changements terminés et vérifiés
transparency-systemic-title = Ce que nous changeons
transparency-systemic-none = Aucun changement à l'échelle de l'organisme n'a été lancé ni terminé pendant cette période.
transparency-systemic-new = pas commencé
transparency-systemic-open = en cours
transparency-systemic-completed = terminé, en vérification
transparency-systemic-verified = terminé et vérifié
transparency-review-title = Notre évaluation selon le cadre de qualité
transparency-review-intro = Notre dernière évaluation approuvée par le conseil, pour la période
transparency-review-none = Aucune évaluation selon le cadre n'a encore été approuvée.
transparency-col-item = Pratique
transparency-col-rating = Notre évaluation
transparency-rating-met = Satisfait
transparency-rating-partly_met = Partiellement satisfait
transparency-rating-not_met = Non satisfait
transparency-rating-not_applicable = Sans objet
transparency-unrated = Non évalué
transparency-pinned = Ces chiffres proviennent du registre signé à cette taille et à cette racine ; toute personne qui dispose d'un export peut les vérifier :
transparency-board-title = Publier un rapport de transparence
transparency-board-lead = Choisissez une période et vérifiez le rapport. La publication le signe et l'affiche sur la page publique ; il ne peut plus être modifié ensuite.
transparency-preview = Aperçu
transparency-preview-title = Aperçu du rapport pour
transparency-publish-warning = La publication inscrit ce rapport dans le registre avec votre signature et le montre à tout le monde.
transparency-publish = Publier ce rapport
transparency-board-only = Seul un membre du conseil peut publier un rapport.
transparency-bad-period = Choisissez l'une des périodes proposées.
footer-transparency = Nos plaintes : rapport de transparence

## flow
transparency-published-on = { $period }, publié le { $date }
