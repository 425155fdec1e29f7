import fax_machine_driver


def stamp(text):
    return fax_machine_driver.send(text)
