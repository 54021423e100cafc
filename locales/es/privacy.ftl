# /privacy, /export, /delete (src/bot/features/privacy.ts)

command-export = Descargar tus datos en un archivo
command-delete = Borrar todo lo tuyo
privacy-text =
    🔒 Tu privacidad

    Qué guardo: tus ajustes (zona horaria, horas de los recordatorios, idioma, país, en qué punto estás con el kratom y la fecha clave) y tus respuestas del registro de la mañana: horas de sueño, calidad, inquietud, ansiedad y las casillas que marques. También qué recordatorios se enviaron y dónde se quedó una conversación sin terminar.

    Para qué: solo para llevar tu diario de sueño, enviarte los recordatorios a tus horas, elegir consejos para tu etapa y darme cuenta de cuándo puede hacerte falta más apoyo.

    Por cuánto tiempo: hasta que lo borres con /delete. Nada caduca solo, así tu historial se mantiene completo.

    Quién puede verlo: la persona o el equipo que gestiona el servidor de este bot puede acceder a su base de datos. No se comparte con nadie más, no se vende ni se usa para publicidad, y tus respuestas de salud nunca aparecen en los registros del servidor. Como en cualquier chat de Telegram, nuestros mensajes también pasan por Telegram.

    Tus datos, tu decisión:
    /export te envía todo en un archivo de hoja de cálculo (CSV).
    /delete borra todo lo tuyo, después de que lo confirmes.
export-caption =
    Tus datos de Steady Nights: tus ajustes y { $nights ->
        [one] una noche
       *[other] { $nights } noches
    }, una fila por noche.
export-nothing = No tengo ningún dato tuyo. Con /start empezamos.
delete-confirm =
    Esto borra todo lo que tengo sobre ti: tus ajustes, cada registro, tus recordatorios y cualquier conversación sin terminar. No se puede deshacer. Si antes quieres una copia, envía /export.

    ¿Lo borro todo?
delete-yes = Sí, borrar todo
delete-no = No, mejor no
delete-done = Todo lo tuyo quedó borrado. Si algún día quieres volver a empezar, envía /start. /help siempre está aquí.
delete-kept = De acuerdo, no borré nada.
delete-nothing = No tengo nada guardado sobre ti.
delete-expired = Esa confirmación ya caducó. Envía /delete otra vez si todavía quieres borrarlo todo.
