# admin: es
# Español. DRAFTED BY AN AI ASSISTANT from the English (locales/en/admin.ftl).
# Not reviewed: a fluent Spanish speaker must review it before use.
# Administration: staff, roles, keys, settings.
admin-nav = Administración
admin-nav-staff = Personal
admin-nav-enrol = Dar de alta a un miembro del personal
admin-nav-settings = Configuración
admin-back = Volver a la lista del personal
admin-error-summary = Revise lo siguiente, por favor

admin-staff-title = Personal
admin-staff-intro = Todas las personas dadas de alta, con sus funciones. Elija un nombre para cambiar funciones, restablecer una contraseña o registrar una salida.
admin-staff-caption = Miembros del personal
admin-name = Nombre
admin-name-hint = Su nombre completo, como lo conocen sus colegas. Aquí solo lo ven los administradores.
admin-login = Nombre de usuario
admin-login-hint = Lo que escribe para iniciar sesión. Sin espacios, por ejemplo amina.k. Las mayúsculas no importan.
admin-roles = Funciones
admin-roles-hint = Elija al menos una. Dé a cada persona solo las funciones que necesita para su trabajo.
admin-status = Estado
admin-keys = Claves de firma activas
admin-active = En funciones
admin-departed = Dejó la organización
admin-no-roles = Sin funciones

admin-role-intake = Recepción
admin-role-intake-hint = Presenta quejas en nombre de los clientes, acusa recibo, las clasifica y asigna cada una a un revisor.
admin-role-reviewer = Revisor
admin-role-reviewer-hint = Investiga los casos que se le asignan, registra las conclusiones y decide, salvo que la configuración deje toda decisión a la presidencia.
admin-role-chair = Presidencia del comité
admin-role-chair-hint = Asigna casos, decide, comprueba las acciones correctivas y cierra casos.
admin-role-board = Junta directiva
admin-role-board-hint = Consulta los paneles y aprueba las revisiones del marco. No ve datos personales, salvo en las quejas sobre la dirección o la presidencia cuando la configuración las envía a la junta (cada apertura queda registrada).
admin-role-admin = Administrador
admin-role-admin-hint = Da de alta al personal, cambia funciones y claves, y cambia la configuración.
admin-role-auditor = Auditor
admin-role-auditor-hint = Audita el historial de los casos y comprueba el registro.
admin-role-grant = Dar la función { $role }
admin-role-remove = Quitar la función { $role }

admin-enrol-title = Dar de alta a un miembro del personal
admin-enrol-intro = El nuevo miembro del personal recibe su propia clave de firma y un enlace de configuración para elegir una contraseña. Verá el enlace una sola vez, en la página siguiente.
admin-enrol-submit = Dar de alta y crear un enlace de configuración
admin-error-name = Escriba su nombre (hasta 200 caracteres).
admin-error-login = Escriba un nombre de usuario de hasta 100 caracteres, sin espacios.
admin-error-login-taken = El nombre de usuario { $login } ya está en uso. Elija otro.
admin-error-roles = Elija al menos una función.
admin-error-role = Elija una función.

admin-link-title = Enlace de configuración
admin-link-intro-enrolled = Se dio de alta a { $name }. Entréguele este enlace para que elija una contraseña e inicie sesión:
admin-link-intro-reset = La clave de { $name } fue reemplazada y su contraseña anterior ya no funciona. Entréguele este enlace para que elija una nueva contraseña:
admin-link-copy = Copiar el enlace
admin-link-copied = Copiado
admin-link-expires = El enlace caduca
admin-link-next = Antes de salir de esta página
admin-link-once = Esta página es la única vez que se muestra el enlace. Cópielo ahora.
admin-link-validity = El enlace funciona una sola vez y caduca en 7 días.
admin-link-private = Entrégueselo a la persona en privado (en persona, o por un medio que solo ella lea). Cualquiera que tenga el enlace puede establecer la contraseña.
admin-link-lost = Si el enlace se pierde o caduca, restablezca su contraseña para obtener uno nuevo.
admin-link-back = Ir a la página de este miembro del personal

admin-person-title = Miembro del personal
admin-role = Función
admin-held = Tiene esta función
admin-held-yes = Sí
admin-held-no = No
admin-change = Cambiar
admin-roles-caption = Funciones de este miembro del personal
admin-roles-change-hint = Los cambios se aplican de inmediato, en su próxima página.
admin-last-admin = La organización debe mantener al menos un administrador. Primero dé la función de administrador a otra persona.
admin-rotate-title = Restablecer la contraseña y reemplazar la clave de firma
admin-rotate-intro = Úselo cuando la persona olvidó su contraseña, o cuando otra persona podría conocer su clave. Sus claves actuales se revocan, se cierran todas sus sesiones y usted obtiene un nuevo enlace de configuración para ella.
admin-rotate-self = Esta es su propia cuenta: también se cerrará su sesión.
admin-rotate-reason = Motivo
admin-rotate-reason-hint = Por ejemplo «contraseña olvidada». Queda anotado en el registro que leen los auditores: no escriba datos personales.
admin-rotate-submit = Restablecer la contraseña y crear un enlace de configuración
admin-error-reason = Escriba un motivo (hasta 500 caracteres).
admin-depart-title = Registrar una salida
admin-depart-intro = Cuando alguien deja la organización. Sus funciones y claves se revocan, se cierra su sesión y ya no puede iniciar sesión. Esto no se puede deshacer: si vuelve, dele de alta de nuevo.
admin-depart-confirm = Confirmo que esta persona dejó la organización.
admin-depart-submit = Registrar la salida
admin-error-confirm = Marque la casilla para confirmar la salida.
admin-departed-note = Esta persona dejó la organización. Sus claves están revocadas y no puede iniciar sesión.

admin-settings-title = Configuración
admin-settings-intro = Esta configuración se aplica a cada nuevo paso de cada caso. Cada cambio queda anotado en el registro.
admin-settings-targets = Metas de servicio
admin-settings-acknowledge_business_days = Meta de acuse de recibo (días hábiles)
admin-settings-acknowledge_business_days-hint = Días hábiles para acusar recibo de una queja, entre 1 y 30.
admin-settings-decide_calendar_days = Meta de decisión (días naturales)
admin-settings-decide_calendar_days-hint = Días para decidir una queja, entre 1 y 365.
admin-settings-appeal_window_days = Plazo de apelación (días naturales)
admin-settings-appeal_window_days-hint = Días después de una decisión durante los cuales el cliente puede apelar, entre 1 y 365.
admin-settings-calendar = Calendario
admin-settings-time_zone = Zona horaria
admin-settings-time_zone-hint = El nombre de la zona horaria de la organización, por ejemplo America/Toronto o America/Vancouver.
admin-settings-holiday_jurisdiction = Días feriados oficiales
admin-settings-holiday_jurisdiction-hint = De qué jurisdicción son los feriados oficiales que no son días hábiles.
admin-settings-extra_holidays = Otros días de cierre
admin-settings-extra_holidays-hint = Días en que la organización cierra, una fecha por línea, escrita como 2025-12-24.
admin-settings-removed_holidays = Feriados en que se trabaja
admin-settings-removed_holidays-hint = Feriados oficiales en que la organización trabaja de todos modos, una fecha por línea, escrita como 2025-08-04.
admin-settings-languages = Idiomas ofrecidos
admin-settings-languages-hint = Los idiomas del sitio y del formulario de quejas.
admin-settings-default_language = Idioma predeterminado
admin-settings-default_language-hint = Se muestra a los visitantes cuyo navegador no pide ninguno de los idiomas ofrecidos.
admin-settings-organization = Programas, lugares y marco
admin-settings-programs = Programas
admin-settings-programs-hint = Uno por línea, escrito como id = Nombre, por ejemplo: linc = Clases de idioma (LINC). El id usa letras minúsculas, cifras, - o _, y no debe cambiar una vez usado.
admin-settings-sites = Lugares
admin-settings-sites-hint = Uno por línea, escrito como id = Nombre, por ejemplo: main = Oficina principal.
admin-settings-framework = Marco de calidad
admin-settings-framework-hint = El id del marco en uso. El que viene incluido es { $id }.
admin-settings-privacy = Datos personales
admin-settings-retention_days = Conservar los datos personales durante (días después del cierre)
admin-settings-retention_days-hint = Después de este plazo, los datos personales de un caso se borran. Entre 30 y 36500 días.
admin-settings-submit = Guardar la configuración
admin-settings-stale = Otro administrador cambió la configuración mientras usted la editaba. Compare sus valores de abajo con los de esa persona y vuelva a guardar.
admin-error-number = escriba un número entero.
admin-error-date = «{ $line }» no es una fecha. Escriba una fecha por línea, como 2025-12-24.
admin-error-named = la línea «{ $line }» no está escrita como id = Nombre.
admin-error-default-language = elija uno de los idiomas ofrecidos.

done-admin-role-granted = La función se asignó.
done-admin-role-revoked = La función se quitó.
done-admin-departed = La salida quedó registrada. Sus claves están revocadas y se cerró su sesión.
done-admin-settings-saved = La configuración se guardó.
done-admin-settings-unchanged = No se cambió nada.

# Names of the holiday jurisdictions (English uses the names in projections/src/holiday.rs).
admin-jurisdiction-federal = Federal (Código Laboral de Canadá)
admin-jurisdiction-ab = Alberta
admin-jurisdiction-bc = Columbia Británica
admin-jurisdiction-mb = Manitoba
admin-jurisdiction-nb = Nuevo Brunswick
admin-jurisdiction-nl = Terranova y Labrador
admin-jurisdiction-ns = Nueva Escocia
admin-jurisdiction-nt = Territorios del Noroeste
admin-jurisdiction-nu = Nunavut
admin-jurisdiction-on = Ontario
admin-jurisdiction-pe = Isla del Príncipe Eduardo
admin-jurisdiction-qc = Quebec
admin-jurisdiction-sk = Saskatchewan
admin-jurisdiction-yt = Yukón

## decisions
admin-settings-chair_decides = Solo la presidencia decide las quejas
admin-settings-chair_decides-hint = El revisor asignado investiga y registra las conclusiones; la presidencia las lee y decide. Sin marcar, el revisor asignado también puede decidir.

## route
admin-settings-escalation = Quejas sobre la dirección o quien preside
admin-settings-escalation-hint = Una queja sobre la persona que dirige la organización, o sobre quien preside el comité de quejas, se escala: quienes presiden y la dirección quedan fuera.
admin-settings-director = La dirección (si tiene cuenta)
admin-settings-director-hint = Queda fuera de las quejas escaladas, como quienes presiden.
admin-settings-nobody = Nadie
admin-settings-external_reviewer = Quién tramita las quejas escaladas
admin-settings-external_reviewer-hint = La junta directiva, o una cuenta fuera del comité, como una persona revisora inscrita de una agencia asociada. No quien preside ni la dirección.
admin-settings-route-board = La junta directiva
admin-settings-board-data = Cuando la junta tramita las quejas escaladas, sus miembros tienen los derechos del comité solo en esas quejas: las asignan, deciden, cierran y abren sus expedientes (cada apertura queda registrada y la persona la ve). Así, la junta ve datos personales de esas quejas y de ninguna otra.
admin-settings-show_opener_names = Mostrar a las personas el nombre de quien abrió su expediente
admin-settings-show_opener_names-hint = Sin marcar, ven la función y el motivo de cada apertura. Marcado, también ven el nombre.
admin-error-staff = elija a alguien de la lista
## identity
admin-settings-identity = La organización tal como la ven los clientes
admin-settings-org_name = Nombre de la organización
admin-settings-org_name-hint = Se muestra arriba en cada página, en la página de inicio y en el recibo. Hasta 200 caracteres.
admin-settings-org_name_in = Nombre en { $language } (si es distinto)
admin-settings-org_names = Nombre en otro idioma
admin-settings-org_address = Dirección postal
admin-settings-org_address-hint = Una línea por cada línea de la dirección, hasta 500 caracteres. Se muestra en la página de inicio y en el recibo.
admin-settings-org_phone = Teléfono
admin-settings-org_phone-hint = Cifras, espacios y + - ( ), por ejemplo +1 416 555 0100.
admin-settings-org_email = Correo electrónico
admin-settings-org_email-hint = Una dirección a la que los clientes pueden escribir, por ejemplo ayuda@ejemplo.org.
admin-settings-org_website = Sitio web
admin-settings-org_website-hint = Su dirección completa, empezando por https://
admin-settings-program_names = Nombres de los programas en otros idiomas
admin-settings-program_names-in = Nombres de los programas en { $language }
admin-settings-program_names-hint = Uno por línea, escrito como id = Nombre, con los id de los programas de arriba. Deje el nombre vacío para mostrar el nombre principal.
admin-settings-site_names = Nombres de los lugares en otros idiomas
admin-settings-site_names-in = Nombres de los lugares en { $language }
admin-settings-site_names-hint = Uno por línea, escrito como id = Nombre, con los id de los lugares de arriba. Deje el nombre vacío para mostrar el nombre principal.
admin-error-named-unknown = no hay «{ $id }» en la lista de arriba.
admin-logo-title = Logotipo
admin-logo-current = El logotipo actual
admin-logo-file = Un nuevo logotipo
admin-logo-hint = Una imagen PNG, JPEG o WebP de { $size } KB como máximo, de unos 40 píxeles de alto en la página. No se acepta SVG.
admin-logo-submit = Subir el logotipo
admin-error-logo-missing = Elija un archivo de imagen para subir.
admin-error-logo-type = Este archivo no es una imagen PNG, JPEG o WebP. Elija otro.
done-admin-logo-saved = El logotipo está guardado.
admin-settings-names = Nombres en otros idiomas

# Witnesses
admin-nav-witnesses = Testigos
witnesses-title = Testigos
witnesses-intro = Un testigo es un organismo independiente, como una federación de organizaciones, un financiador o una agencia asociada, que cofirma los puntos de control de este registro, de modo que nadie, ni siquiera esta organización, pueda reescribir el expediente ni llevar dos versiones sin que se note.
witnesses-list = Testigos a los que se pide cofirmar
witnesses-none = Todavía no hay ningún testigo configurado.
witnesses-url = Dirección
witnesses-url-hint = La dirección web del testigo, que empieza por https:// o http://, tal como la dio el testigo.
witnesses-key = Clave de verificación
witnesses-key-hint = La línea que le dio el testigo (su «clave de verificación»), por ejemplo nombre+1a2b3c4d+BASE64. Su nombre se muestra como nombre del testigo.
witnesses-key-id = Identificador de clave
witnesses-cosigned = Última cofirma
witnesses-cosigned-size = El punto de control de { $size } entradas, el { $at }
witnesses-cosigned-never = Todavía no
witnesses-error = Último error
witnesses-failing = No cofirma
witness-problem-unreachable = No se puede contactar con el testigo: sin conexión o sin respuesta a tiempo. El registro sigue intentándolo y, mientras tanto, las quejas se siguen registrando.
witness-problem-tls = Falló la conexión segura con el testigo: este servidor no confía en su certificado, o la dirección es incorrecta.
witness-problem-unknown-log = El testigo no conoce este registro con su clave: envíe al operador del testigo la clave de verificación de este registro (en la página de auditoría).
witness-problem-conflict = El testigo rechaza este punto de control: ha cofirmado un historial que este registro no continúa. ¿Se restauró el registro desde una copia de seguridad antigua? Contacte con el testigo.
witness-problem-bad-answer = La respuesta del testigo no es una cofirma válida. Compruebe la dirección y la clave del testigo.
witnesses-configured = Configurado
witnesses-command-line = Definido al iniciar el servidor (no se puede quitar aquí)
witnesses-in-settings = En esta página
witnesses-remove = Quitar { $name }
witnesses-add = Añadir un testigo
witnesses-add-button = Añadir este testigo
witnesses-full = Se alcanzó el número máximo de testigos. Quite uno para añadir otro.
witnesses-stale = Otro administrador cambió la configuración mientras usted estaba en esta página. Revise la lista de abajo y vuelva a intentarlo.
done-witness-added = Se añadió el testigo. Se le pedirá que cofirme en unos segundos.
done-witness-removed = Se quitó el testigo. Ya no se le pide cofirmar; sus cofirmas anteriores se conservan.
witness-error-url = Indique la dirección del testigo, que empiece por https:// o http://, por ejemplo https://testigo.example.org.
witness-error-key = Esto no es una clave de verificación de testigo. Pegue la línea que le dio el testigo, por ejemplo nombre+1a2b3c4d+BASE64.
witness-error-duplicate = Este testigo ya está configurado.
witness-error-too-many = Se pueden configurar como máximo { $limit } testigos. Quite uno primero.
