package io.staysync.properties.web;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.staysync.common.ConflictException;
import io.staysync.common.InvalidInputException;
import io.staysync.web.ConsoleController;
import io.staysync.web.FormProblems;
import io.staysync.web.OnceOnlySubmissions;
import io.staysync.properties.internal.Property;
import io.staysync.properties.internal.PropertyManagement;
import io.staysync.properties.internal.PropertyRules;
import jakarta.servlet.http.HttpServletRequest;

/** Console pages of properties: list, create, edit, delete. */
@ConsoleController
@RequestMapping("/properties")
class PropertyPages {

	private static final String WRITERS = "hasAnyRole('ADMIN', 'MANAGER')";

	private final PropertyManagement properties;

	private final OnceOnlySubmissions submissions;

	PropertyPages(PropertyManagement properties, OnceOnlySubmissions submissions) {
		this.properties = properties;
		this.submissions = submissions;
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("page", properties.list(PageRequest.of(Math.max(page, 0), 50)));
		return "properties/list";
	}

	@GetMapping("/new")
	@PreAuthorize(WRITERS)
	String newForm(Model model) {
		model.addAttribute("form", new PropertyForm());
		return form(model, null);
	}

	@PostMapping
	@PreAuthorize(WRITERS)
	String create(@Validated @ModelAttribute("form") PropertyForm form, BindingResult result, Model model,
			HttpServletRequest request, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return form(model, null);
		}
		Optional<String> refusal = submissions.refusal(request, result, redirect, "/properties",
				() -> form(model, null));
		if (refusal.isPresent()) {
			return refusal.get();
		}
		try {
			Property created = properties.create(form.toDetails(null));
			redirect.addFlashAttribute("flash", "Property " + created.name() + " created.");
			return "redirect:/properties";
		}
		catch (InvalidInputException e) {
			FormProblems.report(e, result);
			return form(model, null);
		}
	}

	@GetMapping("/{id}")
	String edit(@PathVariable UUID id, Model model) {
		Property property = properties.get(id);
		model.addAttribute("form", PropertyForm.of(property));
		return form(model, property);
	}

	@PostMapping("/{id}")
	@PreAuthorize(WRITERS)
	String update(@PathVariable UUID id, @Validated @ModelAttribute("form") PropertyForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		Property property = properties.get(id);
		if (result.hasErrors()) {
			return form(model, property);
		}
		try {
			Property updated = properties.update(id, form.getVersion() == null ? -1 : form.getVersion(),
					form.toDetails(property.address()));
			redirect.addFlashAttribute("flash", "Property " + updated.name() + " saved.");
			return "redirect:/properties";
		}
		catch (ConflictException e) {
			result.reject("stale", "Someone else changed this property while you were editing it. "
					+ "Open it again to see their change, then make yours.");
			return form(model, property);
		}
		catch (InvalidInputException e) {
			FormProblems.report(e, result);
			return form(model, property);
		}
	}

	@PostMapping("/{id}/delete")
	@PreAuthorize(WRITERS)
	String delete(@PathVariable UUID id, RedirectAttributes redirect) {
		Property property = properties.get(id);
		try {
			properties.delete(id);
			redirect.addFlashAttribute("flash", "Property " + property.name() + " deleted.");
			return "redirect:/properties";
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("warning", e.getMessage());
			return "redirect:/properties/" + id;
		}
	}

	private static String form(Model model, Property property) {
		model.addAttribute("property", property);
		model.addAttribute("zones", PropertyRules.TIME_ZONES);
		return "properties/form";
	}

}
