status-day = Día { $day } desde tu última dosis · { $phase }
status-preparing =
    { $days ->
        [0] Tu fecha para dejarlo es hoy · { $phase }
        [1] Tu fecha para dejarlo es mañana · { $phase }
       *[other] Tu fecha para dejarlo es en { $days } días ({ DATETIME($date, dateStyle: "long") }) · { $phase }
    }
status-using = Todavía consumes · { $phase }
status-expect-title = Lo normal ahora:
status-schedule = ☀️ Registro { $morning } · 🌙 Desconectar { $evening }
status-zone = 🕒 { $zone }
status-next-steps = Mañana por la mañana te preguntaré cómo dormiste. Cuando quieras: /checkin · /tips · /help
