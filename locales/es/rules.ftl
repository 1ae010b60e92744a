# Rechazos de las reglas: por qué las reglas rechazaron una acción (los mismos identificadores en las páginas y en la API).
rule-forbidden = No permitido: { $why }
rule-forbidden-audit-view = No permitido: las consultas de auditoría son para los auditores y la presidencia.
rule-forbidden-client-audience = No permitido: los clientes escriben al comité mediante mensajes para clientes.
rule-forbidden-comment = No permitido: los comentarios sobre el expediente corresponden al cliente.
rule-forbidden-erase = No permitido: la organización registra el borrado una vez destruida la clave de datos.
rule-forbidden-admin = No permitido: solo un administrador puede modificar la organización.
rule-forbidden-open = No permitido: solo los miembros del comité y los auditores abren expedientes de quejas.
rule-forbidden-acknowledge = No permitido: solo la recepción o la presidencia acusan recibo de las quejas.
rule-forbidden-route = No permitido: solo la recepción o la presidencia derivan las quejas.
rule-forbidden-triage = No permitido: solo la recepción o la presidencia clasifican las quejas.
rule-forbidden-file = No permitido: solo el personal de recepción presenta quejas en nombre de los clientes.
rule-forbidden-refused-view = No permitido: solo se registran los intentos del personal de abrir un expediente.
rule-forbidden-update-action = No permitido: solo el responsable de la acción o la presidencia pueden actualizarla.
rule-forbidden-decide-appeal = No permitido: solo el revisor de la apelación la resuelve.
rule-forbidden-assign-appeal = No permitido: solo la presidencia asigna las apelaciones.
rule-forbidden-close = No permitido: solo la presidencia cierra los casos.
rule-forbidden-reopen = No permitido: solo la presidencia reabre los casos.
rule-forbidden-verify-action = No permitido: solo la presidencia verifica las acciones correctivas.
rule-forbidden-waive-action = No permitido: solo la presidencia dispensa las acciones correctivas.
rule-forbidden-add-information = No permitido: solo el cliente añade información a su queja.
rule-forbidden-appeal = No permitido: solo el cliente apela.
rule-forbidden-request-erasure = No permitido: solo el cliente pide el borrado; el borrado al terminar la conservación es automático.
rule-forbidden-withdraw = No permitido: solo el cliente retira la queja, o la recepción o la presidencia a petición suya.
rule-forbidden-satisfaction = No permitido: decir si quedó satisfecho le corresponde al cliente.
rule-forbidden-recuse = No permitido: cada persona del personal se inhibe a sí misma; solo la presidencia lo registra por otra.
rule-forbidden-verify-own-action = No permitido: el responsable de una acción no puede verificarla; debe hacerlo otra persona de la presidencia.
rule-forbidden-web-filing = No permitido: las quejas en línea llegan por el formulario; el personal presenta las recibidas por teléfono, en persona, por correo electrónico o por derivación.
rule-forbidden-pause = No permitido: solo la recepción, el revisor asignado o la presidencia pausan el plazo.
rule-forbidden-resume = No permitido: solo la recepción, el revisor asignado o la presidencia reanudan el plazo.
rule-forbidden-message = No permitido: solo la recepción, el revisor asignado o la presidencia escriben en un caso.
rule-forbidden-evidence = No permitido: solo la recepción, el revisor asignado, la presidencia o el cliente añaden documentos.
rule-forbidden-finding = No permitido: solo el revisor asignado o la presidencia registran conclusiones.
rule-forbidden-decide-chair = No permitido: en esta organización la presidencia decide todas las quejas; el revisor registra las conclusiones.
rule-forbidden-decide = No permitido: solo el revisor asignado o la presidencia deciden.
rule-forbidden-open-action = No permitido: solo el revisor asignado o la presidencia abren acciones correctivas.
rule-forbidden-open-review = No permitido: solo la presidencia abre una revisión del marco de calidad.
rule-forbidden-rate-review = No permitido: solo los miembros del comité califican los elementos del marco.
rule-forbidden-attest-review = No permitido: solo los miembros del comité hacen declaraciones para una revisión.
rule-forbidden-submit-review = No permitido: solo la presidencia presenta una revisión a la junta directiva.
rule-forbidden-return-review = No permitido: solo la junta directiva devuelve o aprueba una revisión.
rule-forbidden-systemic-staff = No permitido: solo el personal trabaja en las acciones sistémicas.
rule-forbidden-publish-report = No permitido: solo la junta directiva publica un informe de transparencia.
rule-forbidden-open-systemic = No permitido: solo la presidencia abre una acción sistémica.
rule-forbidden-progress-systemic = No permitido: solo el responsable de una acción sistémica o la presidencia registran su avance.
rule-forbidden-verify-systemic = No permitido: solo la presidencia o un auditor verifican una acción sistémica.
rule-conflicted = El miembro del personal { $staff } tiene un conflicto de intereses en este caso (nombrado en él, o inhibido).
rule-took-part-in-decision = El miembro del personal { $staff } participó en la decisión apelada.
rule-wrong-state = Un caso { $status ->
        [filed] recibido
        [acknowledged] confirmado
        [under-review] en examen
        [decided] resuelto
        [under-appeal] en apelación
        [closed] cerrado
        [withdrawn] retirado
        [erased] borrado
       *[other] en estado «{ $status }»
    } no admite esta acción: { $action ->
        [file-a-complaint] presentar una queja
        [acknowledge] acusar recibo
        [triage] clasificar
        [assign-a-reviewer] asignar un revisor
        [recuse] inhibirse
        [post-a-message] enviar un mensaje
        [add-evidence] añadir un documento
        [open-the-file] abrir el expediente
        [record-a-refused-opening] registrar una apertura rechazada
        [record-a-finding] registrar una conclusión
        [issue-a-decision] emitir una decisión
        [open-a-corrective-action] abrir una acción correctiva
        [update-a-corrective-action] actualizar una acción correctiva
        [complete-a-corrective-action] completar una acción correctiva
        [verify-a-corrective-action] verificar una acción correctiva
        [waive-a-corrective-action] dispensar una acción correctiva
        [comment-on-the-file] comentar el expediente
        [add-information] añadir información
        [appeal] apelar
        [assign-an-appeal-reviewer] asignar un revisor de la apelación
        [decide-the-appeal] resolver la apelación
        [pause-the-clock] pausar el plazo
        [resume-the-clock] reanudar el plazo
        [record-satisfaction] registrar la satisfacción
        [close] cerrar
        [reopen] reabrir
        [withdraw] retirar la queja
        [request-erasure] pedir el borrado
        [erase-personal-data] borrar los datos personales
        [open-a-corrective-action-before-a-finding] abrir una acción correctiva antes de una conclusión
       *[other] { $action }
    }.
rule-no-finding = Registre una conclusión antes de emitir una decisión.
rule-actions-outstanding = { $count ->
        [one] Sigue abierta 1 acción correctiva: verifíquela o dispénsela (con sus motivos) antes de cerrar el caso.
       *[other] Siguen abiertas { $count } acciones correctivas: verifíquelas o dispénselas (con sus motivos) antes de cerrar el caso.
    }
rule-appeal-window-closed = El plazo de apelación terminó el { $date }.
rule-unknown-staff = Miembro del personal desconocido o que ya se fue: { $staff }.
rule-not-reviewer = El miembro del personal { $staff } no es revisor ni forma parte de la presidencia.
rule-unknown-action = No hay ninguna acción correctiva { $action } en este caso.
rule-restricted = Este caso es de acceso restringido: solo su revisor asignado, la presidencia y la recepción pueden abrir su expediente. Su intento ha quedado registrado.
rule-erased = Los datos personales de este caso fueron borrados.
rule-last-administrator = La organización debe conservar al menos un administrador.
rule-not-now = { $status ->
        [new] Una revisión o acción sistémica aún no abierta
        [open] Una revisión o acción sistémica en curso
        [submitted] Una revisión presentada a la junta directiva
        [approved] Una revisión aprobada
        [completed] Una acción sistémica declarada terminada
        [verified] Una acción sistémica verificada
       *[other] Una revisión o acción sistémica en estado «{ $status }»
    } no admite esta acción: { $action ->
        [open-a-review] abrir una revisión
        [rate-an-item] calificar un elemento
        [attest] hacer una declaración
        [submit] presentar la revisión
        [return] devolver la revisión
        [approve] aprobar la revisión
        [open-a-systemic-action] abrir una acción sistémica
        [record-progress] registrar el avance
        [complete-a-systemic-action] declarar terminada una acción sistémica
        [verify-a-systemic-action] verificar una acción sistémica
       *[other] { $action }
    }.
rule-review-final = Esta revisión está aprobada: ya no cambia nunca.
rule-unrated = { $count ->
        [one] { $count } elemento aún no está calificado: califique todos los elementos antes de presentar la revisión.
       *[other] { $count } elementos aún no están calificados: califique todos los elementos antes de presentar la revisión.
    }
rule-follow-up-needed = El elemento { $item } se cumple en parte o no se cumple: abra primero para él una acción sistémica o una revisión de su área.
rule-not-in-scope = El elemento { $item } no forma parte de esta revisión.
rule-unknown-review = No existe la revisión { $review }.
rule-own-work = Otra persona debe { $what ->
        [approve-a-review-you-submitted] aprobar una revisión que usted presentó
        [verify-an-action-you-own-or-completed] verificar una acción de la que usted es responsable o que usted declaró terminada
       *[other] { $what }
    }.
rule-invalid = { $field }: valor no aceptado ({ $reason })

## roles
rule-already-answered = Estas preguntas ya se respondieron para esta queja. La respuesta está registrada y ya no se puede cambiar.
