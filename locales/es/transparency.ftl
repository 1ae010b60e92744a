# transparency: es
# Español. DRAFTED BY AN AI ASSISTANT from the English (locales/en/transparency.ftl).
# Not reviewed: a fluent Spanish speaker must review it before the organization relies on it.
# Informe público de transparencia y página de la junta directiva para publicarlo.

transparency-title = Informe de transparencia
transparency-lead = Cada año o cada tres meses publicamos qué pasó con las quejas que recibimos: cuántas fueron, con qué rapidez respondimos, qué decidimos y qué cambiamos como resultado. Nadie puede ser identificado con estas cifras.
transparency-period = Periodo
transparency-suppression-note = Para proteger a las personas que presentaron una queja, nunca mostramos un número menor de 5, y también ocultamos otro número cuando un total permitiría adivinarlo.
transparency-others = Informes anteriores
transparency-none = Todavía no se ha publicado ningún informe.
transparency-figures-caption = Quejas recibidas en el periodo
transparency-col-what = Qué
transparency-col-count = Número
transparency-suppressed = no se muestra (números pequeños)
transparency-line-received = Quejas recibidas
transparency-line-outcome-upheld = Fundadas
transparency-line-outcome-partly_upheld = Fundadas en parte
transparency-line-outcome-not_upheld = No fundadas
transparency-line-outcome-resolved_early = Resueltas en la primera etapa
transparency-line-outcome-referred_out_of_scope = Derivadas a otro lugar (fuera de nuestros servicios)
transparency-line-outcome-withdrawn = Retiradas por la persona
transparency-line-outcome-pending = Todavía sin decisión
transparency-line-acknowledged-total = Recepción confirmada
transparency-line-acknowledged-on-time = Recepción confirmada a tiempo
transparency-line-acknowledged-late = Recepción confirmada con retraso
transparency-line-decided-total = Decididas
transparency-line-decided-on-time = Decididas a tiempo
transparency-line-decided-late = Decididas con retraso
transparency-line-appealed-total = Decisiones
transparency-line-appealed-yes = Apeladas
transparency-line-appealed-no = No apeladas
transparency-line-fair-total = Personas que respondieron nuestra encuesta
transparency-line-fair-yes = Dijeron que el proceso fue justo
transparency-line-fair-no = Dijeron que el proceso no fue justo
transparency-line-systemic-opened = Cambios iniciados (acciones correctivas sistémicas)
transparency-line-systemic-verified = Cambios terminados y comprobados
transparency-systemic-title = Lo que estamos cambiando
transparency-systemic-none = En este periodo no se inició ni se terminó ningún cambio en toda la organización.
transparency-systemic-new = sin empezar
transparency-systemic-open = en curso
transparency-systemic-completed = terminado, en revisión
transparency-systemic-verified = terminado y comprobado
transparency-review-title = Cómo nos evaluamos según el marco de calidad
transparency-review-intro = Nuestra última revisión aprobada por la junta directiva, para el periodo
transparency-review-none = Todavía no se ha aprobado ninguna revisión según el marco.
transparency-col-item = Práctica
transparency-col-rating = Nuestra evaluación
transparency-rating-met = Cumplido
transparency-rating-partly_met = Cumplido en parte
transparency-rating-not_met = No cumplido
transparency-rating-not_applicable = No aplica
transparency-unrated = Sin evaluar
transparency-pinned = Estas cifras salen del registro firmado con este tamaño y esta raíz, así que cualquier persona con una exportación puede comprobarlas:
transparency-board-title = Publicar un informe de transparencia
transparency-board-lead = Elija un periodo y revise el informe. Al publicarlo, se firma y aparece en la página pública; después no se puede cambiar.
transparency-preview = Vista previa
transparency-preview-title = Vista previa del informe de
transparency-publish-warning = Al publicar, este informe queda anotado en el registro con su firma y todo el mundo puede verlo.
transparency-publish = Publicar este informe
transparency-board-only = Solo un miembro de la junta directiva puede publicar un informe.
transparency-bad-period = Elija uno de los periodos disponibles.
footer-transparency = Las quejas que recibimos: informe de transparencia

## flow
transparency-published-on = { $period }, publicado el { $date }
