# El acompañante nocturno (/awake, el botón nocturno del aviso de la noche, texto libre de
# noche), la respuesta breve a texto libre de día y los títulos de /tips según la hora.
# Datos de los dos artículos fuente.

command-awake = ¿Despierto de noche? Aquí estoy

winddown-button-awake = ¿Despierto de noche? Tócame

night-open-title = 🌙 Noche { $night } · { $phase }: { $stage }
night-open-title-plain = 🌙 { $phase }: { $stage }
night-stage-using = las noches inquietas entre dosis son el cuerpo adaptándose al consumo diario, no un fallo tuyo.
night-stage-preparing = una noche difícil, y no tienes que resolver nada antes de la mañana.
night-stage-onset = el sueño se rompe en las primeras noches, y pasa.
night-stage-peak = el tramo más duro para la mayoría, y pasa.
night-stage-easing = el sueño vuelve poco a poco; aún hay noches rotas, y pasan.
night-stage-rebuilding = el sueño se recupera. Los sueños intensos son el rebote del REM: esperables y pasajeros.
night-stage-post-acute = el sueño va volviendo, poco a poco.
night-stage-long-term = tras un consumo largo e intenso, el sueño puede tardar 3–6 meses en recuperarse. Cada avance cuenta.
night-open-body =
    Estar despierto ahora es esperable, y no va a durar. Descansar en calma cuenta, aunque no duermas.
    No mires el reloj. Luces y pantallas bajas.
    Vuelve a la cama cuando tengas sueño; el sueño no se fuerza.
    ¿Qué es lo más difícil ahora?

night-button-body = El cuerpo no se calma
night-button-mind = La mente no para
night-button-urge = Ganas de consumir
night-button-talk = Hablar con alguien

night-step-body =
    🫧 Esa inquietud es tu sistema nervioso aún encendido. Es parte de la abstinencia, no algo que hagas mal, y se calma.
    Cambia de postura, o levántate unos minutos con luz tenue.
    Vuelve a la cama cuando tengas sueño. Quedarte quieto a oscuras también es descanso.
night-step-mind =
    💭 Con poco sueño, las preocupaciones se ven más grandes y cercanas de lo que son. Es la falta de sueño la que habla.
    Esta noche no hay nada que decidir. Los pensamientos pueden esperar a la luz del día.
    Luces bajas, el reloj de espaldas.
night-step-urge =
    🧭 Querer alivio después de noches así tiene sentido.
    La falta de sueño cambia «¿Debo seguir sin consumir?» por «¿Cómo hago que esto pare?». Ese cambio es una de las mayores causas de recaída, y el cansancio hace que las ganas se sientan más urgentes.
    No dejes que esta noche tome esa decisión. Espera a la mañana.
    Si te ayudaría oír una voz, toca Hablar con alguien.
night-talk-intro = 🤝 No tienes que pasar esto a solas. Estas líneas son gratuitas y atienden de día y de noche:
night-talk-elsewhere = 🌍 { $url } reúne líneas de ayuda gratuitas de tu país.
night-talk-emergency = Si pudieras actuar sobre pensamientos de hacerte daño, llama ya al { $number }.
night-talk-emergency-local = Si pudieras actuar sobre pensamientos de hacerte daño, llama ya al número de emergencias de tu país.

night-wakes-line = 🌙 Estuviste en vela a las { $times }: es parte de esta noche, y el descanso igual contó.
night-wakes-and = y

day-reply = No puedo responder a mensajes escritos con mis propias palabras, perdona.
day-reply-next = Esto es lo que puedo hacer ahora:
day-reply-checkin-missing = Aún no has hecho el registro de hoy; lleva menos de un minuto.
day-button-checkin = ☀️ Registrar ahora
day-button-tips = 💡 Consejos
day-button-help = 🆘 Ayuda

tips-title-tonight = Para esta noche:
tips-title-today = Para hoy:

night-open-title-new = 🌙 Despierto de noche: es duro, y pasa.

progress-wakes = 🌙 En vela por la noche: { $dates }
