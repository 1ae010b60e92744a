# Revisiones de cumplimiento del marco de calidad: páginas del comité y de la junta, informe
# imprimible y exportaciones.
nav-reviews = Revisiones del marco

review-list-title = Revisiones del marco de calidad
review-list-intro = Cada revisión evalúa el marco de calidad, elemento por elemento, frente a las cifras que el registro da para un periodo. El comité califica cada elemento; la junta aprueba la revisión.
review-list-none = Todavía no se ha abierto ninguna revisión.
review-list-caption = Todas las revisiones, del periodo más reciente al más antiguo
review-col-period = Periodo
review-col-scope = Alcance
review-col-status = Estado
review-col-opened = Abierta
review-col-approved = Aprobada
review-scope-all = Todo el marco
review-area-unknown = Elementos que ya no figuran en el marco

review-status-new = Sin abrir
review-status-open = Abierta
review-status-submitted = Presentada a la junta
review-status-approved = Aprobada

review-open-title = Abrir una revisión
review-open-area-title = Abrir una revisión de área para este elemento
review-open-hint = Las cifras se calculan a partir del registro tal como está al abrir la revisión, y se guardan con ella.
review-open-kind = Duración del periodo
review-kind-quarter = Trimestre
review-kind-half-year = Semestre
review-kind-year = Año
review-open-kind-show = Mostrar los periodos de esta duración
review-open-legend = La revisión
review-open-period = Periodo (obligatorio)
review-period-option = { $label } (del { $from } al { $to })
review-open-area = Alcance
review-open-area-all = Todo el marco
review-open-submit = Abrir la revisión
review-open-origin = Esta revisión de área da seguimiento al elemento { $item } de la revisión de { $period }.
review-invalid-period = Elija uno de los periodos de la lista: uno ya comenzado y alineado con el año de la organización.

review-title = Revisión del marco
review-report-title = Informe de revisión del marco
review-report-draft = Borrador: esta revisión aún no está aprobada.
review-fact-period = Periodo
review-fact-scope = Alcance
review-fact-status = Estado
review-fact-opened = Abierta
review-opened-by = { $name }, { $when }
review-fact-origin = Abierta para dar seguimiento a
review-origin = el elemento { $item } de una revisión anterior
review-fact-pinned = Punto de control del registro
review-pinned-size = Entradas:
review-pinned-root = Raíz:
review-pinned-hint = Las cifras de abajo se calcularon con las primeras { $size } entradas del registro, cuya raíz de Merkle aparece arriba. Cualquiera con una exportación del registro puede procesar esas entradas, comprobar la raíz y recalcular cada cifra con la orden: recourse review recompute
review-fact-framework = Marco
review-framework = versión { $version }, archivo SHA-256 { $sha256 }
review-framework-unknown = Versión no registrada
review-fact-previous = Comparada con
review-previous-none = No hay una revisión anterior aprobada con este alcance.
review-final = Esta revisión está aprobada: es definitiva y no cambia nunca.
review-download = Descargar
review-print = Informe imprimible
review-download-csv = Cifras y calificaciones (CSV)
review-download-json = La revisión completa (JSON)
review-back = Volver a la revisión
review-back-list = Todas las revisiones del marco

review-item-figures = Cifras del periodo
review-col-measure = Medida
review-col-value = Valor
review-col-trend = Revisión anterior
review-see-cases = Ver los casos
review-share = { $count } de { $of } ({ $pct } %)
review-share-empty = { $count } de { $of }
review-average = { $average } / 5 ({ $answers ->
        [one] 1 respuesta
       *[other] { $answers } respuestas
    })
review-average-none = Sin respuestas
review-trend-up = sube desde { $value }
review-trend-down = baja desde { $value }
review-trend-same = sin cambios ({ $value })
review-trend-was = antes { $value }
review-trend-new = no se midió antes

review-measure-complaints = Quejas recibidas
review-measure-acknowledged-on-time = Acusadas a tiempo
review-measure-decided-on-time = Resueltas a tiempo
review-measure-decided = Resueltas (o retiradas)
review-measure-appeals = Apeladas
review-measure-satisfaction = Satisfacción de los clientes
review-measure-explained = Clientes que encontraron la decisión explicada
review-measure-fair = Clientes que encontraron el proceso justo
review-measure-outsider-openings = Aperturas de expediente por personal ajeno al caso
review-measure-citing-right = Quejas que invocan el derecho: { $right }
review-measure-recusals = Recusaciones por conflicto de intereses
review-measure-named-staff = Quejas que nombran a un miembro del personal
review-measure-actions-verified-on-time = Medidas correctivas verificadas a tiempo
review-measure-systemic-verified-on-time = Acciones sistémicas verificadas a tiempo
review-measure-tagged-complaints = Quejas sobre este elemento
review-measure-tagged-findings = Conclusiones sobre este elemento
review-measure-tagged-actions = Medidas correctivas al servicio de este elemento
review-measure-tagged-systemic = Acciones sistémicas al servicio de este elemento

review-rating = Calificación
review-rating-met = Cumplido
review-rating-partly-met = Cumplido en parte
review-rating-not-met = No cumplido
review-rating-not-applicable = No aplica
review-unrated = Sin calificar todavía.
review-rated-by = calificado por { $name }, { $when }
review-rated-times = { $count ->
        [one] calificado una vez
       *[other] calificado { $count } veces
    }
review-reasons = Motivos
review-previous = Revisión anterior
review-previous-rating = Calificación: { $rating }
review-previous-unrated = Sin calificar
review-attestations = Declaraciones
review-attested-by = declarado por { $name }, { $when }
review-document = Documento conservado: { $name } ({ $size } bytes, SHA-256 { $sha256 })
review-follow-ups = Seguimientos
review-follow-up-systemic = Acción sistémica: { $title }
review-follow-up-area = Revisión de área: { $review }
review-needs-follow-up = Este elemento está cumplido en parte o no cumplido: necesita un seguimiento (una acción sistémica o una revisión de área) antes de presentar la revisión.
review-open-systemic = Abrir una acción sistémica para este elemento
review-open-area-review = Abrir una revisión de área para este elemento

review-text-hint = Se guarda sin cifrar en el registro: escriba sobre la organización, nunca sobre un cliente. Como máximo { $limit } caracteres.
review-rate-legend = Calificar este elemento
review-rate-rating = Calificación (obligatoria)
review-rate-reasons = Motivos (obligatorio)
review-rate-submit = Guardar la calificación
review-attest-legend = Declarar para este elemento
review-attest-hint = Para lo que ningún dato del registro muestra: seguro vigente, formación impartida, servicios gratuitos.
review-attest-statement = Declaración (obligatoria)
review-attest-submit = Guardar la declaración

review-submit-title = Presentar a la junta
review-submit-ready = Cada elemento está calificado y cada carencia tiene seguimiento: la revisión puede presentarse.
review-submit-blocked = La revisión todavía no puede presentarse:
review-blocker-unrated = { $item }: sin calificar
review-blocker-follow-up = { $item }: cumplido en parte o no cumplido, sin seguimiento todavía
review-submit = Presentar la revisión a la junta

review-board-title = La decisión de la junta
review-board-hint = Apruebe la revisión, o devuélvala al comité diciendo qué reconsiderar.
review-return-legend = Devolver al comité
review-comments-required = Comentarios (obligatorio)
review-return = Devolver la revisión
review-approve-legend = Aprobar
review-comments-optional = Comentarios (opcional)
review-approve = Aprobar la revisión

review-history = Historial
review-history-opened = Abierta por { $name }
review-history-submitted = Presentada a la junta por { $name }
review-history-returned = Devuelta al comité por { $name }
review-history-approved = Aprobada por { $name }

review-cases-title = Casos detrás de una cifra
review-cases-item = Elemento
review-cases-recorded = Registrada con la revisión
review-cases-now = A día de hoy
review-cases-note = Los casos se listan según el registro tal como está hoy; la cifra registrada corresponde al punto de control de la revisión ({ $size } entradas), así que difieren si algún caso cambió desde entonces.
review-cases-none = Ningún caso.
review-cases-bad = Indique el elemento y la medida.

done-review-opened = La revisión está abierta.
done-review-rate = Calificación guardada.
done-review-attest = Declaración guardada.
done-review-submit = La revisión se presentó a la junta.
done-review-return = La revisión se devolvió al comité.
done-review-approve = La revisión está aprobada.
